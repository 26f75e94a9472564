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
}
