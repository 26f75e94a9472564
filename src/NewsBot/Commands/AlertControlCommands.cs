using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Core.Commands;
using NewsBot.Core.Delivery;
using NewsBot.Core.Filters;
using NewsBot.Pipeline.Match;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Commands;

/// <summary>
/// The one-tap controls under an alert — /mutestory, /why, /pause 1h — and /resume's end of a timed pause.
/// A button carries only the alert id, so a press on an old message works after a restart and on any
/// instance; the alert must belong to the chat the button is pressed in. Replies are short: a press is
/// answered with a toast (Telegram: at most 200 characters) or an ephemeral message (Discord).
/// </summary>
public sealed class AlertControlCommands(IOptions<StoryIndexOptions> stories, TimeProvider time)
{
    private sealed record AlertFacts(long ChatId, long? StoryRoot, long? FilterId, long? ViaChatId, string MatchedTerms);

    public async Task<CommandReply> MuteStoryAsync(NewsBotDbContext db, CommandContext ctx, long alertId, CancellationToken ct)
    {
        var (chat, alert, refusal) = await FindAsync(db, ctx, alertId, ct);
        if (refusal is not null) return refusal;
        if (alert!.StoryRoot is not { } root)
            return new CommandReply("This alert belongs to no story, so no other alert or update can follow it. Nothing was changed.");
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.ChatStoryMutes.AnyAsync(m => m.ChatId == chat!.Id && m.StoryId == root, ct))
        {
            db.ChatStoryMutes.Add(new ChatStoryMute { ChatId = chat!.Id, StoryId = root, CreatedAt = now });
            await db.SaveChangesAsync(ct);
        }
        await StoryMutes.SettleAsync(db, chat!.Id, root, ct);
        // Bounded: a story older than the story window takes no more articles, so its mute has nothing left to stop.
        var closed = now - stories.Value.MaxStoryAge;
        await db.ChatStoryMutes.Where(m => m.ChatId == chat.Id && m.StoryId != root && db.Stories.Any(s => s.Id == m.StoryId && s.FirstSeenAt < closed))
            .ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return new CommandReply(ReplyText.Of($"Story muted for good: no more alerts or updates about it in this chat. {CommandMention.Of("why", alertId.ToString(CultureInfo.InvariantCulture))} still explains the alert."));
    }

    public async Task<CommandReply> WhyAsync(NewsBotDbContext db, CommandContext ctx, long alertId, CancellationToken ct)
    {
        var (_, alert, refusal) = await FindAsync(db, ctx, alertId, ct);
        if (refusal is not null) return refusal;
        var terms = alert!.MatchedTerms.Split(Alert.TermSeparator, StringSplitOptions.RemoveEmptyEntries);
        var found = terms.Length == 0 ? "no words (it matched on source or coverage alone)" : string.Join(", ", terms);
        var filter = alert.FilterId is { } id ? await db.Filters.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) : null;
        if (filter is null) return new CommandReply($"The filter that matched this alert has been removed since. Terms found: {found}.");
        // A filter's number is its place among its kind in its chat: the chat's own (/list) or the member's own (/following).
        var number = await db.Filters.CountAsync(f => f.ChatId == filter.ChatId && f.OwnerUserId == filter.OwnerUserId && f.Id <= filter.Id, ct);
        var shown = FilterParser.Parse(filter.Text) is FilterParseResult.Success ok ? ok.Filter.Normalized : filter.Text;
        if (alert.ViaChatId is { } via)
        {
            var group = await db.Chats.AsNoTracking().Where(c => c.Id == via).Select(c => c.Title).FirstOrDefaultAsync(ct);
            return new CommandReply($"Matched your personal filter {number} in {group ?? "a shared chat"}: {shown} — terms found: {found}");
        }
        return new CommandReply($"Matched your filter {number}: {shown} — terms found: {found}");
    }

    /// <summary>"Pause 1 h": alerts matched until then are held and arrive as one digest when it ends (<c>DigestSender</c>).</summary>
    public async Task<CommandReply> PauseForAsync(NewsBotDbContext db, Chat chat, TimeSpan duration, CancellationToken ct)
    {
        var until = time.GetUtcNow().UtcDateTime + duration;
        chat.PausedUntil = until;
        chat.Paused = false; // a pause with an end replaces an open-ended one: alerts come back by themselves
        await db.SaveChangesAsync(ct);
        var prefs = DeliveryPreferencesText.ReadOrDefault(chat.DeliveryPreferences);
        return new CommandReply(ReplyText.Of($"Alerts paused for {Duration(duration)}, until {When(until, prefs.TimeZone)}; what matches meanwhile arrives then as one digest. {CommandMention.Of("resume")} ends it early."));
    }

    /// <summary>
    /// /resume ends a timed pause: the alerts it held come due now (as one digest) instead of at its end. Alerts held
    /// for a later digest or for quiet hours that outlast the pause keep their time.
    /// </summary>
    public async Task EndPauseAsync(NewsBotDbContext db, Chat chat, CancellationToken ct)
    {
        if (chat.PausedUntil is not { } until) return;
        var now = time.GetUtcNow().UtcDateTime;
        chat.PausedUntil = null;
        await db.SaveChangesAsync(ct);
        if (until <= now) return;
        await db.Alerts.Where(a => a.ChatId == chat.Id && a.Status == AlertStatus.Pending && a.HeldFor != null && a.NextAttemptAt <= until)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.NextAttemptAt, now), ct);
    }

    /// <summary>For the delivery settings text: "Paused until 14:05 UTC." while a timed pause runs.</summary>
    public ReplyText PauseNote(Chat chat)
    {
        if (chat.PausedUntil is not { } until || until <= time.GetUtcNow().UtcDateTime) return ReplyText.Empty;
        var zone = DeliveryPreferencesText.ReadOrDefault(chat.DeliveryPreferences).TimeZone;
        return ReplyText.Of($"\nPaused until {When(until, zone)}; {CommandMention.Of("resume")} ends it early.");
    }

    private static async Task<(Chat? Chat, AlertFacts? Alert, CommandReply? Refusal)> FindAsync(NewsBotDbContext db, CommandContext ctx, long alertId, CancellationToken ct)
    {
        var alert = await db.Alerts.AsNoTracking().Where(a => a.Id == alertId)
            .Select(a => new AlertFacts(a.ChatId, a.Story!.MergedIntoId ?? a.StoryId, a.FilterId, a.ViaChatId, a.MatchedTerms))
            .FirstOrDefaultAsync(ct);
        if (alert is null) return (null, null, new CommandReply("That alert is no longer known here (it may be too old). Nothing was changed."));
        var chat = await db.Chats.FirstOrDefaultAsync(c => c.Platform == ctx.Platform && c.ExternalId == ctx.ChatId, ct);
        if (chat is null || chat.Id != alert.ChatId) return (null, null, new CommandReply("This button is not for this chat."));
        return (chat, alert, null);
    }

    private static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays) ? $"{span.TotalDays:0} d"
        : span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours) ? $"{span.TotalHours:0} h"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : $"{span.TotalMinutes:0} min";

    private string When(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var today = TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, zone).Date;
        var format = local.Date == today ? "HH:mm" : "ddd d MMM, HH:mm";
        return local.ToString(format, CultureInfo.InvariantCulture) + " " + (zone.Id == TimeZoneInfo.Utc.Id ? "UTC" : zone.Id);
    }
}
