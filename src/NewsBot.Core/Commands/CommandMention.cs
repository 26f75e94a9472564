namespace NewsBot.Core.Commands;

/// <summary>
/// A command named in a reply, with optional example arguments in the order the text grammar takes them
/// (<c>digest</c>, <c>daily</c>, <c>08:00</c>). Each platform spells it its own way (<see cref="ICommandNaming"/>).
/// </summary>
public sealed record CommandMention(string Name, IReadOnlyList<string> Arguments)
{
    public static CommandMention Of(string name, params string[] arguments) => new(name, arguments);

    public bool Equals(CommandMention? other) =>
        other is not null && Name == other.Name && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Name, Arguments.Count);

    public override string ToString() => TextCommandNaming.Instance.Mention(this);
}

/// <summary>How a platform spells NewsBot's commands in replies.</summary>
public interface ICommandNaming
{
    /// <summary>The command as the user would type it, e.g. <c>/digest daily 08:00</c>.</summary>
    string Mention(CommandMention mention);

    /// <summary>The command's usage line, e.g. <c>/remove &lt;number&gt; [@channel]</c>.</summary>
    string Usage(string commandName);
}

/// <summary>Commands typed as text, <c>/name arguments</c> (Telegram, and any platform reading <see cref="ChatCommandParser"/>'s grammar).</summary>
public sealed class TextCommandNaming : ICommandNaming
{
    public static TextCommandNaming Instance { get; } = new();

    public string Mention(CommandMention mention) =>
        mention.Arguments.Count == 0 ? "/" + mention.Name : "/" + mention.Name + " " + string.Join(' ', mention.Arguments);

    public string Usage(string commandName) => CommandCatalog.UsageOf(commandName);
}
