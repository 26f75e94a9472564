using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Core.Alerts;
using NewsBot.Core.Delivery;
using NewsBot.Core.Platforms;
using NewsBot.Observability;
using NewsBot.Pipeline.Deliver.Outbox;
using NewsBot.Platforms;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Deliver;

/// <summary>
/// One chat's due alerts, oldest first: each is held for a digest, sent with its digest, sent on its
/// own, or (for a sent alert whose story gained sources) edited; the outbox claims and records it.
/// </summary>
public sealed class ChatDelivery(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    ChatPlatforms platforms,
    Outbox.Outbox outbox,
    DigestSender digests,
    IOptions<Configuration.SummariesOptions> summaries,
    IBackgroundJobClient jobs,
    NewsBotMetrics metrics,
    Mentions.PersonalAlerts personal)
{
    /// <summary>Sends the chat's due alerts in order; returns how many were settled.</summary>
    public async Task<int> DeliverAsync(long chatId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settled = 0;
        while (!ct.IsCancellationRequested)
        {
            var alert = await AlertDispatcher.Due(db, outbox.Now).Where(a => a.ChatId == chatId).OrderBy(a => a.Id)
                .Include(a => a.Chat).Include(a => a.Article).ThenInclude(a => a!.Source)
                .AsNoTracking().FirstOrDefaultAsync(ct);
            if (alert is null || platforms.Find(alert.Chat!.Platform) is not { } platform) return settled;
            var goOn = alert.HeldFor is null ? await DeliverOneAsync(db, alert, platform, ct)
                : alert.Status == AlertStatus.Pending ? await digests.SendDueAsync(db, alert.Chat, platform, ct)
                : await ForgetEditAsync(db, alert, ct);
            if (goOn is null) continue; // another dispatcher took it
            if (!goOn.Value) return settled;
            settled++;
        }
        return settled;
    }

    /// <summary>Returns whether to go on with the chat (null: the alert was claimed elsewhere).</summary>
    private async Task<bool?> DeliverOneAsync(NewsBotDbContext db, Alert alert, IChatPlatform platform, CancellationToken ct)
    {
        var row = db.Alerts.Where(a => a.Id == alert.Id && a.Status == alert.Status);
        if (await outbox.ClaimAsync(row, 1, ct) is null) return null;
        var chat = alert.Chat!;
        if (await Match.StoryMutes.IsMutedAsync(db, alert, ct)) return await SkipMutedAsync(db, alert, edit: alert.Status == AlertStatus.Sent, ct);
        // A personal alert (ViaChatId) is its member's private chat's alert, held by that chat's rules below.
        if (alert is { ViaChatId: not null, Status: AlertStatus.Pending } && await personal.DropIfMemberLeftAsync(db, alert, platform, ct)) return true;
        if (alert.Status == AlertStatus.Pending && await HoldAsync(db, alert, chat)) return true;

        var edit = alert.Status == AlertStatus.Sent;
        // Read after the alert row (and its SourcesVersion): a source added after this read raises the version.
        var also = AlsoReportedBy.ShownFirst(await AlsoReportedBy.LoadAsync(db, alert.StoryId, alert.Article!.SourceId, ct), alert.ShownAlso);
        var buttons = AlertContentBuilder.Buttons(alert, await db.Filters.Where(f => f.Id == alert.FilterId).Select(f => f.Text).FirstOrDefaultAsync(ct));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = await outbox.SendAsync(platform.Name, token =>
        {
            // Page text and model summary were made once per article before the alert came due (ArticlePageEnricher).
            // The buttons go with every edit too: Telegram's editMessageText without reply_markup removes the keyboard.
            var content = AlertContentBuilder.Build(alert, alert.Article!, alert.Article!.Source!, summaries.Value.MaxLength, also, buttons);
            return edit ? platform.UpdateAsync(chat.ExternalId, alert.PlatformMessageId, content, token)
                : platform.SendAsync(chat.ExternalId, content, token);
        });
        metrics.SendCompleted(platform.Name, edit, outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started), RetryPolicy.GivesUp(alert.Attempts + 1));
        if (alert.ViaChatId is not null && !edit && outcome is SendOutcome.ChatGone gone)
        {
            // The member can't be messaged privately (blocked the bot, never started it, closed DMs): mention them instead.
            await personal.MentionInsteadAsync(db, alert.ChatId, gone.Reason, CancellationToken.None);
            jobs.Enqueue<AlertDispatcher>(d => d.DispatchPendingAsync(CancellationToken.None));
            return false;
        }
        var record = await outbox.RecordAsync(db, Item(db, alert, edit, string.Join(Alert.TermSeparator, also)), outcome, CancellationToken.None);
        // The chat's own alert found it gone: personal alerts waiting for it become mentions too, rather than wait for a /start.
        if (!edit && outcome is SendOutcome.ChatGone chatGone) await personal.MentionInsteadAsync(db, alert.ChatId, chatGone.Reason, CancellationToken.None);
        // +1 s: Hangfire stores schedule times in whole seconds and can start the job before NextAttemptAt.
        if (record.RetryIn is { } retryIn) jobs.Schedule<AlertDispatcher>(d => d.DispatchPendingAsync(CancellationToken.None), retryIn + TimeSpan.FromSeconds(1));
        return record.GoOn;
    }

    /// <summary>Quiet hours, digest mode or the hourly limit put the alert aside for a digest; returns whether they did.</summary>
    private async Task<bool> HoldAsync(NewsBotDbContext db, Alert alert, Chat chat)
    {
        var (until, kind) = await digests.DecideAsync(db, chat, CancellationToken.None) switch
        {
            DeliveryDecision.HoldUntil hold => (hold.Until, hold.Kind),
            DeliveryDecision.Overflow overflow => (overflow.DigestAt, DigestKind.Overflow),
            _ => (default(DateTimeOffset?), default(DigestKind)),
        };
        if (until is null) return false;
        await DigestSender.HoldAsync(db, alert, until.Value, kind, CancellationToken.None);
        jobs.Schedule<AlertDispatcher>(d => d.DispatchPendingAsync(CancellationToken.None), until.Value);
        return true;
    }

    private static OutboxItem<Alert> Item(NewsBotDbContext db, Alert alert, bool edit, string shownAlso)
    {
        var rendered = alert.SourcesVersion;
        var item = new OutboxItem<Alert>($"alert {alert.Id}", db.Alerts.Where(a => a.Id == alert.Id), alert.Attempts,
            new OutboxAddress(alert.Chat!.Platform, alert.Chat.ExternalId, alert.ChatId))
        {
            // UpdatePending is cleared only if the story's sources did not change since the alert was read
            // (one UPDATE comparing a version only ever raised atomically, so no change is lost); otherwise edit again.
            MarkSent = (u, sent, now) => u.SetProperty(a => a.UpdatePending, a => a.SourcesVersion != rendered).SetProperty(a => a.ShownAlso, shownAlso)
                .SetProperty(a => a.Status, AlertStatus.Sent).SetProperty(a => a.SentAt, now)
                .SetProperty(a => a.PlatformMessageId, sent.MessageId).SetProperty(a => a.Attempts, a => a.Attempts + 1),
        };
        return !edit ? item : item with
        {
            MarkSent = (u, _, _) => u.SetProperty(a => a.UpdatePending, a => a.SourcesVersion != rendered).SetProperty(a => a.ShownAlso, shownAlso),
            // The alert itself was delivered; a failed edit only loses the "also" line.
            MarkFailed = (u, reason) => u.SetProperty(a => a.UpdatePending, false).SetProperty(a => a.LastError, reason),
        };
    }

    /// <summary>The chat muted the alert's story: an edit is dropped, an alert not yet sent is given up; neither is sent.</summary>
    private static async Task<bool?> SkipMutedAsync(NewsBotDbContext db, Alert alert, bool edit, CancellationToken ct)
    {
        var row = db.Alerts.Where(a => a.Id == alert.Id);
        await (edit
            ? row.ExecuteUpdateAsync(u => u.SetProperty(a => a.UpdatePending, false).SetProperty(a => a.ClaimedUntil, (DateTime?)null), ct)
            : row.ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AlertStatus.Failed).SetProperty(a => a.LastError, Match.StoryMutes.MutedReason)
                .SetProperty(a => a.ClaimedUntil, (DateTime?)null), ct));
        return true;
    }

    /// <summary>A digest line cannot be edited: the story's new sources show in no message, and the alert is not sent again.</summary>
    private static async Task<bool?> ForgetEditAsync(NewsBotDbContext db, Alert alert, CancellationToken ct)
    {
        await db.Alerts.Where(a => a.Id == alert.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.UpdatePending, false), ct);
        return true;
    }
}
