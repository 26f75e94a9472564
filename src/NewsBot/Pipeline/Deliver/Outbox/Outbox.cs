using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Core.Alerts;
using NewsBot.Core.Commands;
using NewsBot.Scaling;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Deliver.Outbox;

/// <summary>
/// The one outbox: alerts, digests and source notices are claimed with the same lease, sent inside
/// it, and what the platform said is recorded by the same rules (<see cref="RecordAsync{T}"/>): sent,
/// retried by <see cref="RetryPolicy"/> or given up, chat gone → deactivated, chat moved → followed,
/// permanent failure → failed with the reason. Which rows are due and what they say is the caller's.
/// </summary>
public sealed partial class Outbox(IOptions<ClaimLeaseOptions> lease, TimeProvider time, ILogger<Outbox> log, Platforms.ChatPlatforms? platforms = null)
{
    /// <summary>Longest a single send (with its pacing waits) may take before it counts as failed.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(60);

    /// <summary>NewsBot:Delivery:ClaimLease; a dead instance's claimed items are sent by another after it.</summary>
    public TimeSpan Lease => lease.Value.ClaimLease;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<OutboxClaim?> ClaimAsync<T>(IQueryable<T> rows, int count, CancellationToken ct) where T : class, IOutboxRow =>
        OutboxClaim.TryTakeAsync(rows, count, Now, Lease, ct);

    public Task<OutboxClaim> RenewAsync<T>(OutboxClaim claim, IQueryable<T> rows, CancellationToken ct) where T : class, IOutboxRow =>
        claim.RenewAsync(rows, Now, Lease, ct);

    /// <summary>
    /// Runs one send. A claimed item is finished even when the host is stopping (cancelling half-way
    /// would leave the platform's answer unknown and the item leased), but never outlives half the lease.
    /// </summary>
    public async Task<SendOutcome> SendAsync(string platform, Func<CancellationToken, Task<SendOutcome>> send)
    {
        using var limit = new CancellationTokenSource(SendTimeout < Lease / 2 ? SendTimeout : Lease / 2, time);
        try
        {
            return await send(limit.Token);
        }
        catch (Exception e)
        {
            return new SendOutcome.RetryLater(TimeSpan.FromSeconds(30), $"{platform} sender failed: {e.Message}");
        }
    }

    /// <summary>Stores what the platform said about <paramref name="item"/> and releases its claim.</summary>
    public async Task<OutboxRecord> RecordAsync<T>(NewsBotDbContext db, OutboxItem<T> item, SendOutcome outcome, CancellationToken ct)
        where T : class, IOutboxRow
    {
        var now = Now;
        var attempt = item.Attempts + 1;
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                await UpdateAsync(item, u => item.MarkSent(u, sent, now), ct);
                return new OutboxRecord(GoOn: true);
            case SendOutcome.RetryLater retry when !RetryPolicy.GivesUp(attempt):
                var delay = RetryPolicy.Delay(retry, attempt);
                await UpdateAsync(item, u => u.SetProperty(r => r.NextAttemptAt, now + delay)
                    .SetProperty(r => r.LastError, retry.Reason).SetProperty(r => r.Attempts, r => r.Attempts + 1), ct);
                LogRetry(item.Description, item.To.Platform, item.To.Target, retry.Reason, delay);
                return new OutboxRecord(GoOn: false, RetryIn: delay);
            case SendOutcome.RetryLater retry:
                return await FailAsync(item, $"gave up after {RetryPolicy.MaxAttempts} attempts: {retry.Reason}", ct);
            case SendOutcome.ChatGone gone:
                if (item.To.ChatId is { } goneChat)
                {
                    var naming = platforms?.Find(item.To.Platform)?.CommandNaming ?? TextCommandNaming.Instance;
                    await ChatChanges.GoneAsync(db, goneChat, gone.Reason, naming, now, ct);
                    LogChatGone(goneChat, item.To.Platform, gone.Reason);
                }
                if (item.FailsWithChat || item.To.ChatId is null) await FailAsync(item, gone.Reason, ct);
                else await UpdateAsync(item, _ => { }, ct);
                return new OutboxRecord(GoOn: false);
            case SendOutcome.ChatMoved moved:
                if (item.To.ChatId is { } movedChat && await ChatChanges.MoveAsync(db, movedChat, item.To.Platform, moved.NewChatId, ct))
                    LogMoved(movedChat, item.To.Target, moved.NewChatId);
                await UpdateAsync(item, u => item.Retarget?.Invoke(u, moved.NewChatId), ct);
                return new OutboxRecord(GoOn: true);
            case SendOutcome.Failed failed:
                return await FailAsync(item, failed.Reason, ct);
            default:
                throw new InvalidOperationException($"outbox: unknown send outcome {outcome.GetType().Name} for {item.Description}");
        }
    }

    private async Task<OutboxRecord> FailAsync<T>(OutboxItem<T> item, string reason, CancellationToken ct) where T : class, IOutboxRow
    {
        await UpdateAsync(item, u => item.MarkFailed(u, reason), ct);
        LogFailed(item.Description, item.To.Platform, item.To.Target, reason);
        return new OutboxRecord(GoOn: true);
    }

    /// <summary>Every record ends the claim: the row is settled, waits for its retry time, or waits for its chat.</summary>
    private static Task<int> UpdateAsync<T>(OutboxItem<T> item, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<T>> set, CancellationToken ct)
        where T : class, IOutboxRow =>
        item.Rows.ExecuteUpdateAsync(u =>
        {
            set(u);
            u.SetProperty(r => r.ClaimedUntil, (DateTime?)null);
        }, ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Item} to {Platform} {Target}: {Reason}; retry in {After}")]
    private partial void LogRetry(string item, string platform, string target, string reason, TimeSpan after);

    [LoggerMessage(Level = LogLevel.Warning, Message = "chat {ChatId} on {Platform} deactivated: {Reason}")]
    private partial void LogChatGone(long chatId, string platform, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Item} to {Platform} {Target} failed: {Reason}")]
    private partial void LogFailed(string item, string platform, string target, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "chat {ChatId} moved from {OldId} to {NewId}")]
    private partial void LogMoved(long chatId, string oldId, string newId);
}
