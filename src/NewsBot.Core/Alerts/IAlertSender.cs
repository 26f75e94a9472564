namespace NewsBot.Core.Alerts;

/// <summary>
/// A chat platform's outbound side. The host hands it alerts; it never touches the database,
/// and reports what happened so the host can decide what to store.
/// </summary>
public interface IAlertSender
{
    /// <summary>The platform name stored on chats, e.g. "console", "telegram".</summary>
    string Platform { get; }

    Task<SendOutcome> SendAsync(string chatId, AlertContent alert, CancellationToken cancellationToken);

    /// <summary>
    /// Shows that more sources reported an alert's story: edits the sent message in place where the
    /// platform allows it (never a second notification). <paramref name="messageId"/> is what
    /// <see cref="SendOutcome.Sent"/> returned.
    /// </summary>
    Task<SendOutcome> UpdateAsync(string chatId, string? messageId, AlertContent alert, CancellationToken cancellationToken);

    /// <summary>Longest plain-text message the platform takes (digests are split to fit).</summary>
    int MaxTextLength { get; }

    /// <summary>
    /// How a digest's lines are written for <see cref="SendTextAsync"/>: plain text by default; a platform
    /// that reads markup in plain messages (Discord's markdown) escapes it here.
    /// </summary>
    Delivery.DigestLayout DigestLayout => Delivery.DigestLayout.PlainText(MaxTextLength);

    /// <summary>Sends plain text (a digest), never interpreted as markup.</summary>
    Task<SendOutcome> SendTextAsync(string chatId, string text, CancellationToken cancellationToken);
}
