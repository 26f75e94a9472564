using System.Globalization;
using System.Text.RegularExpressions;
using NewsBot.Core.Delivery;

namespace NewsBot.Core.Commands;

/// <summary>
/// The argument rules of each command, once for every platform: <see cref="ChatCommandParser"/> hands in the
/// pieces of a typed command, Discord the values of a slash command's options. A wrong argument gives a
/// <see cref="ChatCommand.Malformed"/> that says what is wrong, the same words on every platform.
/// </summary>
public static partial class CommandArguments
{
    /// <summary>
    /// The longest command read. Telegram messages hold at most 4,096 characters, but Discord
    /// options, webhooks and the console can carry more; anything longer is refused unread.
    /// </summary>
    public const int MaxCommandLength = 4096;

    /// <summary>The longest text /test checks: a headline and an intro, not a whole article.</summary>
    public const int MaxTestTextLength = 2000;

    private static CommandMention Cmd(string name, params string[] arguments) => CommandMention.Of(name, arguments);

    /// <summary>A command of <paramref name="length"/> characters, refused before its arguments are read.</summary>
    public static ChatCommand.Malformed TooLong(string name, int length) =>
        Malformed(name, $"that command is {length:N0} characters long; at most {MaxCommandLength:N0} are read");

    public static ChatCommand Add(string filter, string? target)
    {
        filter = filter.Trim();
        if (filter.Length == 0) return Malformed("add", $"give the filter after {Cmd("add")}, e.g. {Cmd("add", "ceasefire gaza")}");
        if (filter.Contains('\n')) return Malformed("add", $"one filter per {Cmd("add")}; send each filter as its own {Cmd("add")}");
        return new ChatCommand.Add(filter, target);
    }

    /// <summary>/follow: a member's personal filter, checked like /add's.</summary>
    public static ChatCommand Follow(string filter)
    {
        filter = filter.Trim();
        if (filter.Length == 0) return Malformed("follow", $"give the filter after {Cmd("follow")}, e.g. {Cmd("follow", "ceasefire gaza")}");
        if (filter.Contains('\n')) return Malformed("follow", $"one filter per {Cmd("follow")}; send each filter as its own {Cmd("follow")}");
        return new ChatCommand.Follow(filter);
    }

    /// <summary>/unfollow n: <paramref name="number"/> as shown by /following.</summary>
    public static ChatCommand Unfollow(string number)
    {
        number = number.Trim();
        if (number.Length == 0) return Malformed("unfollow", $"give the number of your filter to remove, as shown by {Cmd("following")}");
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            return Malformed("unfollow", $"'{Shorten(number)}' is not a filter number; {Cmd("following")} shows the numbers");
        return new ChatCommand.Unfollow(n);
    }

    public static ChatCommand Remove(string number, string? target)
    {
        number = number.Trim();
        if (number.Length == 0) return Malformed("remove", $"give the number of the filter to remove, as shown by {Cmd("list")}");
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            return Malformed("remove", $"'{number}' is not a filter number; {Cmd("list")} shows the numbers");
        return new ChatCommand.Remove(n, target);
    }

    public static ChatCommand Test(string text)
    {
        text = text.Trim();
        return text.Length switch
        {
            0 => Malformed("test", $"give the text to test, e.g. {Cmd("test", "Ceasefire talks resume in Cairo")}"),
            > MaxTestTextLength => Malformed("test",
                $"the text is {text.Length:N0} characters long; {Cmd("test")} checks at most {MaxTestTextLength:N0} (a headline and an intro)"),
            _ => new ChatCommand.Test(text),
        };
    }

    /// <summary>The longest CSS selector for a page source's links (the Sources.PageLinkSelector column's size).</summary>
    public const int MaxLinkSelectorLength = 500;

    /// <summary>
    /// /addsource: an http(s) address or a bare site name (read as https), an optional name; <paramref name="page"/>
    /// or a <paramref name="links"/> selector makes it a page source whose article links are the items.
    /// </summary>
    public static ChatCommand AddSource(string url, string? name, bool page = false, string? links = null)
    {
        url = url.Trim();
        if (url.Length == 0)
            return Malformed("addsource", $"give the feed or page address, e.g. {Cmd("addsource", "https://example.com/rss.xml", "Example News")}");
        if (TypedAddress.Web(url) is not { } address)
            return Malformed("addsource", $"'{Shorten(url)}' is not an http(s) address or a site name like example.com");
        links = string.IsNullOrWhiteSpace(links) ? null : links.Trim();
        if (links is { Length: > MaxLinkSelectorLength })
            return Malformed("addsource", $"the links selector is {links.Length:N0} characters long; at most {MaxLinkSelectorLength} are kept");
        return new ChatCommand.AddSource(address, string.IsNullOrWhiteSpace(name) ? null : name.Trim(), page || links is not null, links);
    }

    /// <summary>Stranger text quoted back in a reply, kept short.</summary>
    private static string Shorten(string text) => text.Length <= 100 ? text : text[..99] + "…";

    /// <summary>/removesource, /pausesource, /resumesource: <paramref name="id"/> as shown by /sources.</summary>
    public static ChatCommand SourceId(string name, string id)
    {
        id = id.Trim();
        if (id.Length == 0) return Malformed(name, $"give the source id, as shown by {Cmd("sources")}");
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            return Malformed(name, $"'{id}' is not a source id; {Cmd("sources")} shows the ids");
        return name switch
        {
            "removesource" => new ChatCommand.RemoveSource(n),
            "pausesource" => new ChatCommand.PauseSource(n),
            "resumesource" => new ChatCommand.ResumeSource(n),
            _ => throw new ArgumentException($"command arguments: /{name} does not take a source id", nameof(name)),
        };
    }

    public static ChatCommand Connect(string channel)
    {
        channel = channel.Trim();
        if (channel.Length == 0) return Malformed("connect", $"give the channel, e.g. {Cmd("connect", "@mychannel")}");
        return IsChannelHandle(channel)
            ? new ChatCommand.Connect(channel)
            : Malformed("connect", $"'{channel}' is not a channel handle like @mychannel");
    }

    /// <summary>A command that takes nothing after its name.</summary>
    public static ChatCommand NoArguments(ChatCommand command, string args) =>
        args.Trim().Length == 0 ? command : Malformed(command.Name, $"{Cmd(command.Name)} takes no arguments");

    /// <summary>/digest, /quiet, /timezone, /limit with their arguments as text; null when <paramref name="name"/> is none of them.</summary>
    public static ChatCommand? Delivery(string name, string? args) => FromDelivery(name, DeliveryCommandParser.Parse(name, args));

    /// <summary>/digest given as a mode and, for daily digests, the times (Discord's two options).</summary>
    public static ChatCommand Digest(string mode, string? times) => FromDelivery("digest", DeliveryCommandParser.ParseDigest(mode, times))!;

    /// <summary>A parsed command keeps the name it was typed with (<c>/tz</c> stays <c>tz</c>).</summary>
    private static ChatCommand? FromDelivery(string typedName, DeliveryParseResult? result) => result switch
    {
        DeliveryParseResult.Parsed parsed => new ChatCommand.SetDelivery(typedName, parsed.Change),
        DeliveryParseResult.Invalid invalid => new ChatCommand.Malformed(invalid.CommandName, invalid.Problem),
        _ => null,
    };

    // Telegram usernames: 5–32 characters, a-z, 0-9 and underscores, starting with a letter.
    public static bool IsChannelHandle(string text) => ChannelHandle().IsMatch(text);

    public static ChatCommand.Malformed Malformed(string name, ReplyTextBuilder problem) => new(name, new ReplyText(problem));

    [GeneratedRegex(@"^@[A-Za-z][A-Za-z0-9_]{3,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelHandle();
}
