using System.Text;

namespace NewsBot.Core.Commands;

/// <summary>
/// A button under a reply. Pressing it runs <see cref="CallbackData"/>, which is command text
/// (e.g. <c>/remove 2</c>) parsed by <see cref="ChatCommandParser"/> like a typed command.
/// </summary>
public sealed record ReplyButton
{
    /// <summary>Telegram: callback_data is 1–64 bytes (InlineKeyboardButton); Discord custom_id allows 100.</summary>
    public const int MaxCallbackBytes = 64;

    public ReplyButton(string label, string callbackData)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(callbackData);
        var bytes = Encoding.UTF8.GetByteCount(callbackData);
        if (bytes > MaxCallbackBytes)
            throw new ArgumentException(
                $"reply button '{label}': callback data is {bytes} bytes, the limit is {MaxCallbackBytes}", nameof(callbackData));
        Label = label;
        CallbackData = callbackData;
    }

    public string Label { get; }
    public string CallbackData { get; }

    /// <summary>A "remove n" button for filter number <paramref name="number"/> of /list.</summary>
    public static ReplyButton RemoveFilter(int number, string? target = null) =>
        new($"✖ remove {number}", target is null ? $"/remove {number}" : $"/remove {number} {target}");
}

/// <summary>
/// What the bot answers to a command: structured text (<see cref="ReplyText"/>: commands are mentions each
/// platform names its own way; adapters must not interpret any of it as markup) and optional rows of buttons.
/// </summary>
public sealed record CommandReply(ReplyText Body, IReadOnlyList<IReadOnlyList<ReplyButton>> Buttons)
{
    public CommandReply(ReplyText body) : this(body, []) { }

    public CommandReply(ReplyTextBuilder body) : this(new ReplyText(body), []) { }

    /// <summary>A reply that mentions no command.</summary>
    public CommandReply(string plain) : this(ReplyText.Plain(plain), []) { }

    /// <summary>The reply with commands typed as text (<c>/resume</c>), as Telegram shows it.</summary>
    public string Text => Body.ToString();

    /// <summary>One button per row, the layout /list uses for its remove buttons.</summary>
    public static CommandReply WithButtonColumn(ReplyText text, IEnumerable<ReplyButton> buttons) =>
        new(text, buttons.Select(b => (IReadOnlyList<ReplyButton>)[b]).ToList());
}
