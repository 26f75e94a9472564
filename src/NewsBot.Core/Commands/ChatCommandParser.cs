using System.Text.RegularExpressions;

namespace NewsBot.Core.Commands;

/// <summary>
/// The command grammar: <c>/name[@BotName] arguments</c>. Command names are case-insensitive.
/// Text that is not a command, or a command addressed to another bot, gives <c>null</c>.
/// </summary>
public static partial class ChatCommandParser
{
    /// <inheritdoc cref="CommandArguments.MaxCommandLength"/>
    public const int MaxCommandLength = CommandArguments.MaxCommandLength;

    /// <inheritdoc cref="CommandArguments.MaxTestTextLength"/>
    public const int MaxTestTextLength = CommandArguments.MaxTestTextLength;

    /// <param name="text">The message text or button callback data.</param>
    /// <param name="botUsername">
    /// This bot's username without '@'. In groups Telegram clients send <c>/cmd@BotName</c>
    /// (Bot API "Commands"); a command naming another bot is not for us.
    /// </param>
    public static ChatCommand? Parse(string? text, string? botUsername = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var match = CommandHead().Match(text.TrimStart());
        if (match.Success && text.Length > MaxCommandLength && IsForUs(match, botUsername))
            return CommandArguments.TooLong(match.Groups["name"].Value.ToLowerInvariant(), text.Length);
        if (!match.Success) return null;
        if (!IsForUs(match, botUsername)) return null;
        var name = match.Groups["name"].Value.ToLowerInvariant();
        var args = text.TrimStart()[match.Length..].Trim();
        return Build(name, args);
    }

    private static bool IsForUs(Match head, string? botUsername)
    {
        var addressee = head.Groups["bot"];
        return !addressee.Success || botUsername is null ||
            string.Equals(addressee.Value, botUsername.TrimStart('@'), StringComparison.OrdinalIgnoreCase);
    }

    private static ChatCommand Build(string name, string args) => name switch
    {
        "start" => new ChatCommand.Start(), // a deep-link payload after /start is ignored
        "help" => new ChatCommand.Help(),
        "add" => ParseAdd(args),
        "list" => ParseList(args),
        "remove" or "rm" or "delete" => ParseRemove(args),
        "pause" => CommandArguments.Pause(args),
        "resume" => CommandArguments.NoArguments(new ChatCommand.Resume(), args),
        "test" => CommandArguments.Test(args),
        "sources" => new ChatCommand.Sources(),
        "stop" => CommandArguments.NoArguments(new ChatCommand.Stop(), args),
        "addsource" => ParseAddSource(args),
        "removesource" or "pausesource" or "resumesource" => CommandArguments.SourceId(name, args),
        "stats" => new ChatCommand.Stats(),
        "connect" => CommandArguments.Connect(args),
        "follow" => CommandArguments.Follow(args),
        "following" => CommandArguments.NoArguments(new ChatCommand.Following(), args),
        "unfollow" => CommandArguments.Unfollow(args),
        "mutestory" => CommandArguments.MuteStory(args),
        "why" => CommandArguments.Why(args),
        _ => CommandArguments.Delivery(name, args) ?? new ChatCommand.Unknown(name),
    };

    private static ChatCommand ParseAdd(string args)
    {
        var (target, rest) = SplitTarget(args);
        return CommandArguments.Add(rest, target);
    }

    private static ChatCommand ParseList(string args)
    {
        var (target, rest) = SplitTarget(args);
        return rest.Length == 0
            ? new ChatCommand.List(target)
            : CommandArguments.Malformed("list", $"{CommandMention.Of("list")} takes only an optional @channel, not '{rest}'");
    }

    private static ChatCommand ParseRemove(string args)
    {
        var (target, rest) = SplitTarget(args);
        return CommandArguments.Remove(rest, target);
    }

    /// <summary>
    /// <c>[page] &lt;address&gt; [links:"&lt;css&gt;"] [name of several words]</c>. The selector may hold spaces inside
    /// its quotes; phones that turn quotes curly (“…”) are understood too.
    /// </summary>
    private static ChatCommand ParseAddSource(string args)
    {
        var page = false;
        var parts = args.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 0 && parts[0].Equals("page", StringComparison.OrdinalIgnoreCase))
        {
            page = true;
            parts = parts.Length > 1 ? parts[1].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries) : [];
        }
        var url = parts.Length > 0 ? parts[0] : "";
        var rest = parts.Length > 1 ? parts[1].Trim() : "";
        string? links = null;
        if (rest.StartsWith(LinksPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var (selector, after, problem) = ReadSelector(rest[LinksPrefix.Length..]);
            if (problem is not null) return CommandArguments.Malformed("addsource", $"{problem}");
            (links, rest) = (selector, after);
        }
        return CommandArguments.AddSource(url, rest.Length > 0 ? rest : null, page, links);
    }

    private const string LinksPrefix = "links:";

    /// <summary>A quoted selector up to its closing quote, or an unquoted one up to the next space.</summary>
    private static (string? Selector, string Remainder, string? Problem) ReadSelector(string text)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0])) return (null, text.Trim(), "give the CSS selector right after links:, e.g. links:\"h2 a\"");
        var close = text[0] switch { '"' => '"', '\u201C' => '\u201D', '\u201D' => '\u201D', _ => '\0' };
        if (close == '\0')
        {
            var space = text.IndexOfAny([' ', '\t', '\n']);
            return space < 0 ? (text, "", null) : (text[..space], text[space..].Trim(), null);
        }
        var end = text.IndexOfAny(close == '"' ? ['"'] : ['\u201D', '"'], 1);
        if (end < 0) return (null, "", "the links:\"…\" selector has no closing quote");
        return (text[1..end], text[(end + 1)..].Trim(), null);
    }

    /// <summary>An <c>@channel</c> target may come first or last: <c>/add @news ceasefire</c>, <c>/remove 2 @news</c>.</summary>
    private static (string? Target, string Remainder) SplitTarget(string args)
    {
        if (args.Length == 0) return (null, args);
        var first = args.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (CommandArguments.IsChannelHandle(first[0])) return (first[0], first.Length > 1 ? first[1].Trim() : "");
        var lastSpace = args.LastIndexOfAny([' ', '\t']);
        if (lastSpace > 0 && CommandArguments.IsChannelHandle(args[(lastSpace + 1)..]))
            return (args[(lastSpace + 1)..], args[..lastSpace].Trim());
        return (null, args);
    }

    // Telegram: command names are up to 32 characters of letters, digits and underscores (BotCommand).
    [GeneratedRegex(@"^/(?<name>[A-Za-z0-9_]{1,32})(?:@(?<bot>[A-Za-z0-9_]{1,64}))?(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex CommandHead();
}
