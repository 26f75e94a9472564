using System.Globalization;
using System.Text;
using NewsBot.Core.Alerts;
using NewsBot.Core.Platforms;

namespace NewsBot.Console;

/// <summary>The chat platform for running without any chat token: alerts are printed to standard output.</summary>
public sealed class ConsoleAlertSender(TextWriter output) : IChatPlatform
{
    public const string PlatformName = "console";

    /// <summary>The console chat configured by NewsBot:Console:Filters; other console chats are labelled with their id.</summary>
    public const string DefaultChatId = "console";

    private readonly Lock _gate = new();

    public string Name => PlatformName;

    /// <summary>A terminal cannot edit what it printed (updates are follow-up lines); any instance prints.</summary>
    public PlatformCapabilities Capabilities { get; } = new() { NeedsLeader = false, CanEdit = false, CanMessageUser = false, MaxTextLength = 4000 };

    public IReadOnlyList<PlatformRecipient> AdminRecipients { get; } = [new(DefaultChatId, IsUser: false)];

    public Task<SendOutcome> SendAsync(string chatId, AlertContent alert, CancellationToken cancellationToken)
    {
        var text = chatId == DefaultChatId ? Render(alert) : $"[{chatId}] " + Render(alert);
        lock (_gate) // alerts from parallel chats must not interleave line by line
        {
            output.Write(text);
            output.Flush();
        }
        return Task.FromResult<SendOutcome>(new SendOutcome.Sent(null));
    }

    /// <summary>A terminal cannot edit what it printed: a short follow-up line names the new sources.</summary>
    public Task<SendOutcome> UpdateAsync(string chatId, string? messageId, AlertContent alert, CancellationToken cancellationToken)
    {
        var prefix = chatId == DefaultChatId ? "" : $"[{chatId}] ";
        lock (_gate)
        {
            output.Write($"{prefix}   ↳ also reported by {string.Join(", ", alert.AlsoReportedBy)}: {alert.Headline}\n\n");
            output.Flush();
        }
        return Task.FromResult<SendOutcome>(new SendOutcome.Sent(messageId));
    }


    public Task<SendOutcome> SendTextAsync(string chatId, string text, CancellationToken cancellationToken)
    {
        var prefix = chatId == DefaultChatId ? "" : $"[{chatId}] ";
        lock (_gate)
        {
            output.Write($"{prefix}📰 {text}\n\n");
            output.Flush();
        }
        return Task.FromResult<SendOutcome>(new SendOutcome.Sent(null));
    }

    public static string Render(AlertContent alert)
    {
        var text = new StringBuilder();
        text.Append("🔔 ").AppendLine(alert.Headline);
        if (alert.Summary.Length > 0) text.Append("   ").AppendLine(alert.Summary);
        var when = alert.Published?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "time unknown";
        text.Append("   ").Append(alert.SourceName).Append(" · ").Append(when);
        if (alert.MatchedTerms.Count > 0) text.Append(" · matched: ").Append(string.Join(", ", alert.MatchedTerms));
        text.AppendLine();
        if (alert.AlsoReportedBy.Count > 0) text.Append("   also: ").AppendLine(string.Join(", ", alert.AlsoReportedBy));
        if (alert.Link is not null) text.Append("   ").AppendLine(alert.Link);
        text.AppendLine();
        return text.ToString();
    }
}
