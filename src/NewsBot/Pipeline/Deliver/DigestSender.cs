using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Core.Alerts;
using NewsBot.Core.Delivery;
using NewsBot.Core.Platforms;
using NewsBot.Pipeline.Deliver.Outbox;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Deliver;

/// <summary>
/// Holds alerts a chat does not want now (quiet hours, digest mode, over its hourly limit) and
/// sends the held ones as one digest when they come due. The decision is the pure
/// <see cref="DeliveryPlanner"/>; a digest is one more kind of outbox item: its alerts are claimed,
/// and each part's outcome recorded on the alerts it lists, by <see cref="Outbox.Outbox"/>.
/// </summary>
public sealed class DigestSender(Outbox.Outbox outbox, IOptions<Configuration.DeliveryOptions> options, TimeProvider time)
{
    /// <summary>What the chat's preferences say about an alert that is about to be sent.</summary>
    public async Task<DeliveryDecision> DecideAsync(NewsBotDbContext db, Chat chat, CancellationToken ct)
    {
        var prefs = DeliveryPreferencesText.ReadOrDefault(chat.DeliveryPreferences);
        var now = time.GetUtcNow();
        if (PauseEnd(chat, prefs, now) is { } pause) return pause;
        var hourAgo = now.UtcDateTime.AddHours(-1);
        var sent = await db.Alerts.Where(a => a.ChatId == chat.Id && a.Status == AlertStatus.Sent && a.SentAt >= hourAgo)
            .Select(a => a.SentAt).ToListAsync(ct);
        DateTimeOffset? oldest = sent.Count == 0 ? null : new DateTimeOffset(sent.Min()!.Value, TimeSpan.Zero);
        return DeliveryPlanner.Decide(prefs, options.Value.DefaultHourlyLimit, now, sent.Count, oldest);
    }

    /// <summary>
    /// "/pause 1h": alerts are held until the pause ends and then come as one digest ("while you were away"), or
    /// with the chat's next digest after it; an end inside quiet hours moves to their end. Null when not paused.
    /// </summary>
    private static DeliveryDecision.HoldUntil? PauseEnd(Chat chat, DeliveryPreferences prefs, DateTimeOffset now)
    {
        if (chat.PausedUntil is not { } until || until <= now.UtcDateTime) return null;
        var end = new DateTimeOffset(until, TimeSpan.Zero);
        if (DeliveryPlanner.NextDigestAt(prefs, end - TimeSpan.FromTicks(1)) is { } digest)
            return new DeliveryDecision.HoldUntil(digest, prefs.Digest.Mode == DigestMode.Hourly ? DigestKind.Hourly : DigestKind.Daily);
        return new DeliveryDecision.HoldUntil(DeliveryPlanner.QuietEndsAt(prefs, end) ?? end, DigestKind.Away);
    }

    /// <summary>Puts the alert aside until <paramref name="until"/>, when it goes out in a digest of <paramref name="kind"/>.</summary>
    public static Task HoldAsync(NewsBotDbContext db, Alert alert, DateTimeOffset until, DigestKind kind, CancellationToken ct) =>
        db.Alerts.Where(a => a.Id == alert.Id).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.HeldFor, kind.ToString())
            .SetProperty(a => a.NextAttemptAt, until.UtcDateTime)
            .SetProperty(a => a.ClaimedUntil, (DateTime?)null), ct);

    /// <summary>
    /// Sends every held alert of the chat that is due as one digest, split to the platform's length.
    /// A part the platform accepted marks its alerts sent at once, so a retry after a failed later part
    /// sends only what is left. Returns whether to go on with the chat.
    /// </summary>
    public async Task<bool> SendDueAsync(NewsBotDbContext db, Chat chat, IChatPlatform platform, CancellationToken ct)
    {
        var now = outbox.Now;
        var due = await db.Alerts.AsNoTracking().Include(a => a.Article).ThenInclude(a => a!.Source)
            .Where(a => a.ChatId == chat.Id && a.Status == AlertStatus.Pending && a.HeldFor != null && a.NextAttemptAt <= now)
            .Where(OutboxClaim.Free<Alert>(now))
            .OrderBy(a => a.Id).Take(500).ToListAsync(ct);
        var claim = await outbox.ClaimAsync(Rows(db, due), due.Count, ct);
        if (claim is null) return false; // another dispatcher is on it

        var kind = Enum.TryParse<DigestKind>(due[0].HeldFor, out var k) ? k : DigestKind.Away;
        // The digest line names the story's other sources as an alert would.
        var reporters = await AlsoReportedBy.ForStoriesAsync(db, due.Where(a => a.StoryId != null).Select(a => a.StoryId!.Value).Distinct().ToList(), ct);
        var entries = due.Select(a => new DigestEntry(a.Article!.Title, a.Article.Link, a.Article.Source!.Name,
            StoryOf(a), new DateTimeOffset(a.Article.PublishedAt ?? a.Article.FetchedAt, TimeSpan.Zero),
            AlertContentBuilder.Terms(a))
        {
            AlsoSources = a.StoryId is { } story ? AlsoReportedBy.Except(reporters[story], a.Article.SourceId) : [],
        }).ToList();
        var left = due;
        foreach (var part in DigestComposer.ComposeParts(kind, entries, platform.DigestLayout))
        {
            claim = await outbox.RenewAsync(claim, Rows(db, left), CancellationToken.None);
            var outcome = await outbox.SendAsync(platform.Name, token => platform.SendTextAsync(chat.ExternalId, part.Text, token));
            // A part that went out settles its own alerts; a failure is recorded on all that are left.
            var settles = outcome is SendOutcome.Sent ? left.Where(a => part.StoryIds.Contains(StoryOf(a))).ToList() : left;
            var record = await outbox.RecordAsync(db, Item(db, chat, settles), outcome, CancellationToken.None);
            if (outcome is not SendOutcome.Sent) return record.GoOn;
            left = left.Except(settles).ToList();
        }
        return true;
    }

    private static long StoryOf(Alert alert) => alert.StoryId ?? -alert.Id;

    private static IQueryable<Alert> Rows(NewsBotDbContext db, IReadOnlyList<Alert> alerts)
    {
        var ids = alerts.Select(a => a.Id).ToList();
        return db.Alerts.Where(a => ids.Contains(a.Id));
    }

    private static OutboxItem<Alert> Item(NewsBotDbContext db, Chat chat, List<Alert> alerts) =>
        new($"digest of {alerts.Count} alerts", Rows(db, alerts), alerts.Max(a => a.Attempts), new OutboxAddress(chat.Platform, chat.ExternalId, chat.Id));
}
