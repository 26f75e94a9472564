using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsBot.Core.Commands;

/// <summary>
/// The command grammar: <c>/name[@BotName] arguments</c>. Command names are case-insensitive.
/// Text that is not a command, or a command addressed to another bot, gives <c>null</c>.
/// </summary>
public static partial class ChatCommandParser
{
    /// <summary>
    /// The longest command text read. Telegram messages hold at most 4,096 characters, but Discord
    /// options, webhooks and the console can carry more; anything longer is refused unread.
    /// </summary>
    public const int MaxCommandLength = 4096;

    /// <summary>The longest text /test checks: a headline and an intro, not a whole article.</summary>
    public const int MaxTestTextLength = 2000;

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
            return Malformed(match.Groups["name"].Value.ToLowerInvariant(),
                $"that command is {Count(text.Length)} characters long; at most {Count(MaxCommandLength)} are read");
        if (!match.Success) return null;
        if (!IsForUs(match, botUsername)) return null;
        var name = match.Groups["name"].Value.ToLowerInvariant();
        var args = text.TrimStart()[match.Length..].Trim();
        return Build(name, args);
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

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
        "pause" => NoArguments(name, args, new ChatCommand.Pause()),
        "resume" => NoArguments(name, args, new ChatCommand.Resume()),
        "test" => args.Length switch
        {
            0 => Malformed("test", "give the text to test, e.g. /test Ceasefire talks resume in Cairo"),
            > MaxTestTextLength => Malformed("test", $"the text is {Count(args.Length)} characters long; /test checks at most {Count(MaxTestTextLength)} (a headline and an intro)"),
            _ => new ChatCommand.Test(args),
        },
        "sources" => new ChatCommand.Sources(),
        "stop" => NoArguments(name, args, new ChatCommand.Stop()),
        "addsource" => ParseAddSource(args),
        "removesource" => ParseSourceId(name, args, id => new ChatCommand.RemoveSource(id)),
        "pausesource" => ParseSourceId(name, args, id => new ChatCommand.PauseSource(id)),
        "resumesource" => ParseSourceId(name, args, id => new ChatCommand.ResumeSource(id)),
        "stats" => new ChatCommand.Stats(),
        "connect" => ParseConnect(args),
        _ => Delivery.DeliveryCommandParser.Parse(name, args) switch
        {
            Delivery.DeliveryParseResult.Parsed parsed => new ChatCommand.SetDelivery(name, parsed.Change),
            Delivery.DeliveryParseResult.Invalid invalid => new ChatCommand.Malformed(invalid.CommandName, invalid.Usage, invalid.Problem),
            _ => new ChatCommand.Unknown(name),
        },
    };

    private static ChatCommand ParseAdd(string args)
    {
        var (target, rest) = SplitTarget(args);
        if (rest.Length == 0) return Malformed("add", "give the filter after /add, e.g. /add ceasefire gaza");
        if (rest.Contains('\n')) return Malformed("add", "one filter per /add; send each filter as its own /add");
        return new ChatCommand.Add(rest, target);
    }

    private static ChatCommand ParseList(string args)
    {
        var (target, rest) = SplitTarget(args);
        return rest.Length == 0 ? new ChatCommand.List(target) : Malformed("list", $"/list takes only an optional @channel, not '{rest}'");
    }

    private static ChatCommand ParseRemove(string args)
    {
        var (target, rest) = SplitTarget(args);
        if (rest.Length == 0) return Malformed("remove", "give the number of the filter to remove, as shown by /list");
        if (!int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            return Malformed("remove", $"'{rest}' is not a filter number; /list shows the numbers");
        return new ChatCommand.Remove(n, target);
    }

    private static ChatCommand ParseAddSource(string args)
    {
        if (args.Length == 0) return Malformed("addsource", "give the feed or page address, e.g. /addsource https://example.com/rss.xml Example News");
        var parts = args.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (!Uri.TryCreate(parts[0], UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return Malformed("addsource", $"'{parts[0]}' is not an http(s) address");
        return new ChatCommand.AddSource(url, parts.Length > 1 ? parts[1].Trim() : null);
    }

    private static ChatCommand ParseSourceId(string name, string args, Func<long, ChatCommand> make)
    {
        if (args.Length == 0) return Malformed(name, "give the source id, as shown by /sources");
        return long.TryParse(args, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? make(id)
            : Malformed(name, $"'{args}' is not a source id; /sources shows the ids");
    }

    private static ChatCommand ParseConnect(string args)
    {
        if (args.Length == 0) return Malformed("connect", "give the channel, e.g. /connect @mychannel");
        return ChannelHandle().IsMatch(args)
            ? new ChatCommand.Connect(args)
            : Malformed("connect", $"'{args}' is not a channel handle like @mychannel");
    }

    private static ChatCommand NoArguments(string name, string args, ChatCommand command) =>
        args.Length == 0 ? command : Malformed(name, $"/{name} takes no arguments");

    /// <summary>An <c>@channel</c> target may come first or last: <c>/add @news ceasefire</c>, <c>/remove 2 @news</c>.</summary>
    private static (string? Target, string Remainder) SplitTarget(string args)
    {
        if (args.Length == 0) return (null, args);
        var first = args.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (ChannelHandle().IsMatch(first[0])) return (first[0], first.Length > 1 ? first[1].Trim() : "");
        var lastSpace = args.LastIndexOfAny([' ', '\t']);
        if (lastSpace > 0 && ChannelHandle().IsMatch(args[(lastSpace + 1)..]))
            return (args[(lastSpace + 1)..], args[..lastSpace].Trim());
        return (null, args);
    }

    private static ChatCommand.Malformed Malformed(string name, string problem) =>
        new(name, CommandCatalog.UsageOf(name), problem);

    // Telegram: command names are up to 32 characters of letters, digits and underscores (BotCommand).
    [GeneratedRegex(@"^/(?<name>[A-Za-z0-9_]{1,32})(?:@(?<bot>[A-Za-z0-9_]{1,64}))?(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex CommandHead();

    // Telegram usernames: 5–32 characters, a-z, 0-9 and underscores, starting with a letter.
    [GeneratedRegex(@"^@[A-Za-z][A-Za-z0-9_]{3,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelHandle();
}
