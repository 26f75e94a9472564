using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Core.Delivery;
using NewsBot.Core.SourceHealth;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Deliver.Notices;

/// <summary>
/// Queues the notices of a failure episode as rows: one "failing" notice per recipient when a
/// source has failed for longer than <see cref="DeliveryOptions.SourceFailingNoticeAfter"/>, one
/// "works again" notice per recipient of those after its next good read. The source's
/// <see cref="Source.FailureNoticeAt"/> is set (or cleared) by a conditional update in the same
/// transaction as the rows, so another instance, a second round or a restart never queues them twice.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "'Queue' is what it does (queues notice rows), not a collection type")]
public sealed partial class SourceNoticeQueue(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    Platforms.ChatPlatforms platforms,
    SourceNoticeRecipients recipients,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<SourceNoticeQueue> log)
{
    private readonly HashSet<string> _platforms = platforms.All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Queues what is due; returns how many notices were queued.</summary>
    public async Task<int> QueueDueAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - options.Value.SourceFailingNoticeAfter;
        var failing = await db.Sources.AsNoTracking()
            .Where(s => !s.Paused && s.FailingSince != null && s.FailingSince <= cutoff && s.FailureNoticeAt == null).ToListAsync(ct);
        var back = await db.Sources.AsNoTracking().Where(s => s.FailureNoticeAt != null && s.FailingSince == null).ToListAsync(ct);
        var queued = 0;
        foreach (var source in failing) queued += await QueueFailingAsync(db, source, now, ct);
        foreach (var source in back) queued += await QueueRecoveredAsync(db, source, now, ct);
        return queued;
    }

    private async Task<int> QueueFailingAsync(NewsBotDbContext db, Source source, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Sources.Where(s => s.Id == source.Id && s.FailureNoticeAt == null && s.FailingSince != null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.FailureNoticeAt, now), ct);
        if (claimed == 0) return 0; // recovered meanwhile, or another instance queued them

        var since = new DateTimeOffset(source.FailingSince!.Value, TimeSpan.Zero);
        var at = new DateTimeOffset(now, TimeSpan.Zero);
        var admins = recipients.Admins();
        var dependent = await recipients.DependentChatsAsync(db, source, _platforms, now, ct);
        // An admin whose own chat depends on the source reads the admin notice there, not both.
        var chats = dependent.Where(c => !admins.Any(a => a.Platform == c.Platform && a.Target == c.Target)).ToList();
        var zones = await ZonesAsync(db, chats, ct);
        var adminText = SourceNoticeText.Failing(source.Name, since, at, source.LastError, dependent.Count);
        var rows = chats.Select(c => Row(source, SourceNoticeKind.Failing, c,
                SourceNoticeText.Failing(source.Name, since, at, source.LastError, null, zones.GetValueOrDefault(c.ChatId!.Value)), now))
            .Concat(admins.Select(a => Row(source, SourceNoticeKind.Failing, a, adminText, now))).ToList();
        db.SourceNotices.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        LogQueued(source.Id, source.Name, "failing", chats.Count, admins.Count);
        return rows.Count;
    }

    /// <summary>Goes to everyone the episode's failing notice went to (or is still going to), in the same order.</summary>
    private async Task<int> QueueRecoveredAsync(NewsBotDbContext db, Source source, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Sources.Where(s => s.Id == source.Id && s.FailureNoticeAt == source.FailureNoticeAt && s.FailingSince == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.FailureNoticeAt, (DateTime?)null), ct);
        if (claimed == 0) return 0;

        var told = await db.SourceNotices.AsNoTracking()
            .Where(n => n.SourceId == source.Id && n.Kind == SourceNoticeKind.Failing && n.CreatedAt >= source.FailureNoticeAt && n.Status != AlertStatus.Failed)
            .OrderBy(n => n.Id).Select(n => new NoticeRecipient(n.Platform, n.Target, n.ChatId)).ToListAsync(ct);
        var chatCount = told.Count(r => r.ChatId is not null);
        var backAt = new DateTimeOffset(source.LastSuccessAt ?? now, TimeSpan.Zero);
        var zones = await ZonesAsync(db, told, ct);
        var rows = told.Distinct().Select(r => Row(source, SourceNoticeKind.Recovered, r,
            SourceNoticeText.Recovered(source.Name, null, backAt, r.ChatId is null ? chatCount : null,
                r.ChatId is { } chatId ? zones.GetValueOrDefault(chatId) : null), now)).ToList();
        db.SourceNotices.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        LogQueued(source.Id, source.Name, "works again", chatCount, rows.Count - chatCount);
        return rows.Count;
    }

    /// <summary>The time zone each chat chose with /timezone (notices show times in it); chats on UTC are left out.</summary>
    private static async Task<Dictionary<long, TimeZoneInfo>> ZonesAsync(NewsBotDbContext db, IEnumerable<NoticeRecipient> recipients, CancellationToken ct)
    {
        var ids = recipients.Where(r => r.ChatId is not null).Select(r => r.ChatId!.Value).Distinct().ToList();
        var stored = await db.Chats.AsNoTracking().Where(c => ids.Contains(c.Id) && c.DeliveryPreferences != null)
            .Select(c => new { c.Id, c.DeliveryPreferences }).ToListAsync(ct);
        var zones = new Dictionary<long, TimeZoneInfo>();
        foreach (var chat in stored)
            if (DeliveryPreferencesText.TryParse(chat.DeliveryPreferences, out var prefs, out _) && prefs.TimeZone.Id != TimeZoneInfo.Utc.Id)
                zones[chat.Id] = prefs.TimeZone;
        return zones;
    }

    private static SourceNotice Row(Source source, SourceNoticeKind kind, NoticeRecipient to, string text, DateTime now) => new()
    {
        SourceId = source.Id,
        Kind = kind,
        Platform = to.Platform,
        Target = to.Target,
        ChatId = to.ChatId,
        Text = text,
        Status = AlertStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "feed '{SourceName}' (source {SourceId}): '{Kind}' notices queued for {Chats} dependent chats and {Admins} admins")]
    private partial void LogQueued(long sourceId, string sourceName, string kind, int chats, int admins);
}
