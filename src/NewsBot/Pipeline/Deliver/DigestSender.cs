using NewsBot.Core.Platforms;
using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Alerts;
using NewsBot.Core.Delivery;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

using NewsBot.Sources.Reading;
using NewsBot.Pipeline.Ingest;
using NewsBot.Pipeline.Match;
using NewsBot.Pipeline.Enrich;
using NewsBot.Pipeline.Poll;

namespace NewsBot.Pipeline.Deliver;

/// <summary>
/// Holds alerts a chat does not want now (quiet hours, digest mode, over its hourly limit) and
/// sends the held ones as one digest when they come due. The decision is the pure
/// <see cref="DeliveryPlanner"/>; this class only reads and writes the rows.
/// </summary>
public sealed class DigestSender(TimeProvider time)
{
    /// <summary>What the chat's preferences say about an alert that is about to be sent.</summary>
    public async Task<DeliveryDecision> DecideAsync(NewsBotDbContext db, Chat chat, CancellationToken ct)
    {
        DeliveryPreferencesText.TryParse(chat.DeliveryPreferences, out var prefs, out _);
        var now = time.GetUtcNow();
        var hourAgo = now.UtcDateTime.AddHours(-1);
        var sent = await db.Alerts.Where(a => a.ChatId == chat.Id && a.Status == AlertStatus.Sent && a.SentAt >= hourAgo)
            .Select(a => a.SentAt).ToListAsync(ct);
        DateTimeOffset? oldest = sent.Count == 0 ? null : new DateTimeOffset(sent.Min()!.Value, TimeSpan.Zero);
        return DeliveryPlanner.Decide(prefs, now, sent.Count, oldest);
    }

    /// <summary>Puts the alert aside until <paramref name="until"/>, when it goes out in a digest of <paramref name="kind"/>.</summary>
    public static Task HoldAsync(NewsBotDbContext db, Alert alert, DateTimeOffset until, DigestKind kind, CancellationToken ct) =>
        db.Alerts.Where(a => a.Id == alert.Id).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.HeldFor, kind.ToString())
            .SetProperty(a => a.NextAttemptAt, until.UtcDateTime)
            .SetProperty(a => a.ClaimedUntil, (DateTime?)null), ct);

    /// <summary>
    /// Sends every held alert of the chat that is due, as one digest (split to the platform's
    /// length). The alerts are claimed first, so two dispatchers never send the same digest.
    /// </summary>
    public async Task<SendOutcome> SendDueAsync(NewsBotDbContext db, Chat chat, IChatPlatform sender, TimeSpan lease, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Alerts.AsNoTracking().Include(a => a.Article).ThenInclude(a => a!.Source)
            .Where(a => a.ChatId == chat.Id && a.Status == AlertStatus.Pending && a.HeldFor != null && a.NextAttemptAt <= now
                        && (a.ClaimedUntil == null || a.ClaimedUntil < now))
            .OrderBy(a => a.Id).Take(500).ToListAsync(ct);
        var ids = due.Select(a => a.Id).ToList();
        var claimed = await db.Alerts.Where(a => ids.Contains(a.Id) && (a.ClaimedUntil == null || a.ClaimedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.ClaimedUntil, now + lease), ct);
        if (claimed != ids.Count || ids.Count == 0)
        {
            await Release(db, ids, CancellationToken.None); // another dispatcher is on it
            return new SendOutcome.RetryLater(TimeSpan.FromSeconds(5), "digest alerts claimed elsewhere");
        }

        var kind = Enum.TryParse<DigestKind>(due[0].HeldFor, out var k) ? k : DigestKind.Away;
        var entries = due.Select(a => new DigestEntry(a.Article!.Title, a.Article.Link, a.Article.Source!.Name,
            a.StoryId ?? -a.Id, new DateTimeOffset(a.Article.PublishedAt ?? a.Article.FetchedAt, TimeSpan.Zero),
            AlertContentBuilder.Terms(a))).ToList();
        SendOutcome outcome = new SendOutcome.Sent(null);
        foreach (var text in DigestComposer.Compose(kind, entries, sender.DigestLayout))
        {
            outcome = await sender.SendTextAsync(chat.ExternalId, text, ct);
            if (outcome is not SendOutcome.Sent) break;
        }
        var sentAt = time.GetUtcNow().UtcDateTime;
        if (outcome is SendOutcome.Sent)
            await db.Alerts.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(a => a.Status, AlertStatus.Sent).SetProperty(a => a.SentAt, sentAt)
                .SetProperty(a => a.ClaimedUntil, (DateTime?)null), CancellationToken.None);
        else
            await Release(db, ids, CancellationToken.None);
        return outcome;
    }

    private static Task<int> Release(NewsBotDbContext db, List<long> ids, CancellationToken ct) =>
        db.Alerts.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(u => u.SetProperty(a => a.ClaimedUntil, (DateTime?)null), ct);
}
