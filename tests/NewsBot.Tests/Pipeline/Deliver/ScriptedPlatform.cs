using NewsBot.Core.Alerts;
using NewsBot.Core.Platforms;

namespace NewsBot.Tests.Pipeline.Deliver;

/// <summary>
/// A chat platform whose answers the test writes: each send asks <see cref="Answer"/> (default: accepted)
/// and is recorded, so a test sees exactly what reached which chat and in what order.
/// </summary>
public sealed class ScriptedPlatform(string name = "scripted", bool needsLeader = false, int maxTextLength = 4000, bool canMessageUser = true) : IChatPlatform
{
    private readonly List<(string ChatId, string Text)> _sent = [];
    private int _messageIds;

    public string Name => name;

    public PlatformCapabilities Capabilities { get; } = new() { NeedsLeader = needsLeader, CanEdit = true, CanMessageUser = canMessageUser, MaxTextLength = maxTextLength };

    public IReadOnlyList<PlatformRecipient> AdminRecipients { get; set; } = [];

    /// <summary>What the platform says to a send: (chat or user id, text) → outcome, or null for "accepted".</summary>
    public Func<string, string, SendOutcome?> Answer { get; set; } = (_, _) => null;

    /// <summary>Lets a test hold a send half-way (another sender runs meanwhile).</summary>
    public Func<Task>? During { get; set; }

    /// <summary>Everything handed to the platform, accepted or not, in order.</summary>
    public IReadOnlyList<(string ChatId, string Text)> Attempts { get { lock (_sent) return _sent.ToList(); } }

    /// <summary>The alert contents handed to <see cref="SendAsync"/> and <see cref="UpdateAsync"/>, in order (buttons included).</summary>
    public IReadOnlyList<AlertContent> Contents { get { lock (_sent) return _contents.ToList(); } }

    private readonly List<AlertContent> _contents = [];

    public Task<SendOutcome> SendAsync(string chatId, AlertContent alert, CancellationToken cancellationToken)
    {
        lock (_sent) _contents.Add(alert);
        return Handle(chatId, alert.Headline);
    }

    public Task<SendOutcome> UpdateAsync(string chatId, string? messageId, AlertContent alert, CancellationToken cancellationToken)
    {
        lock (_sent) _contents.Add(alert);
        return Handle(chatId, "edit: " + alert.Headline + " also " + string.Join(", ", alert.AlsoReportedBy));
    }

    public Task<SendOutcome> SendTextAsync(string chatId, string text, CancellationToken cancellationToken) => Handle(chatId, text);

    public Task<SendOutcome> SendTextToUserAsync(string userId, string text, CancellationToken cancellationToken) => Handle("user " + userId, text);

    private async Task<SendOutcome> Handle(string chatId, string text)
    {
        lock (_sent) _sent.Add((chatId, text));
        if (During is { } during) await during();
        return Answer(chatId, text) ?? new SendOutcome.Sent($"m{Interlocked.Increment(ref _messageIds)}");
    }
}
