using Microsoft.EntityFrameworkCore.Query;
using NewsBot.Core.Alerts;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Deliver.Outbox;

/// <summary>Where an outbox item goes: a platform's chat or user id, and the chat row when it is a subscribed chat.</summary>
public sealed record OutboxAddress(string Platform, string Target, long? ChatId);

/// <summary>
/// The rows one send covers (one alert, the alerts of one digest part, one notice), with what differs
/// between kinds of items. Everything else (claims, retries, chat gone or moved) is <see cref="Outbox"/>'s.
/// </summary>
public sealed record OutboxItem<T>(string Description, IQueryable<T> Rows, int Attempts, OutboxAddress To)
    where T : class, IOutboxRow
{
    /// <summary>How the rows are marked once the platform accepted them; default: sent now, one more attempt.</summary>
    public Action<UpdateSettersBuilder<T>, SendOutcome.Sent, DateTime> MarkSent { get; init; } = (u, _, now) => u
        .SetProperty(r => r.Status, AlertStatus.Sent).SetProperty(r => r.SentAt, now).SetProperty(r => r.Attempts, r => r.Attempts + 1);

    /// <summary>How the rows are marked on a permanent failure; default: failed with the reason, one more attempt.</summary>
    public Action<UpdateSettersBuilder<T>, string> MarkFailed { get; init; } = (u, reason) => u
        .SetProperty(r => r.Status, AlertStatus.Failed).SetProperty(r => r.LastError, reason).SetProperty(r => r.Attempts, r => r.Attempts + 1);

    /// <summary>
    /// An alert waits for its chat to come back (it stays pending); a notice is news of the moment and
    /// fails with the chat (and an admin's notice has no chat row to deactivate).
    /// </summary>
    public bool FailsWithChat { get; init; }

    /// <summary>Rows that store their own target (notices) follow a moved chat here; alerts follow the chat row.</summary>
    public Action<UpdateSettersBuilder<T>, string>? Retarget { get; init; }
}

/// <summary>What the outbox made of an outcome: whether to go on with the chat's next item, and when this one is retried.</summary>
public sealed record OutboxRecord(bool GoOn, TimeSpan? RetryIn = null);
