using System.Collections.Frozen;
using NewsBot.Core.Commands;

namespace NewsBot.Discord.Interactions;

/// <summary>
/// How replies name commands on Discord: as the subcommands of <see cref="NewsSlashCommands"/> with named options,
/// <c>/news digest mode:daily time:08:00</c> where Telegram says <c>/digest daily 08:00</c>. A mention's arguments
/// fill the subcommand's options in the order they are registered; the rest of the text is left alone, so a user's
/// own words in a reply are never rewritten. Commands Discord does not have keep their text form.
/// </summary>
public sealed class DiscordCommandNaming : ICommandNaming
{
    public static DiscordCommandNaming Instance { get; } = new();

    private sealed record Slash(string Command, ApplicationCommandOption Subcommand)
    {
        public IReadOnlyList<ApplicationCommandOption> Options => Subcommand.Options ?? [];
    }

    private static readonly FrozenDictionary<string, Slash> Subcommands = NewsSlashCommands.All
        .SelectMany(c => c.Options.Select(sub => new Slash(c.Name, sub)))
        .ToFrozenDictionary(s => s.Subcommand.Name, StringComparer.Ordinal);

    /// <summary>Usage lines for the delivery commands, whose option values have a grammar of their own.</summary>
    private static readonly FrozenDictionary<string, string> DeliveryUsage = new Dictionary<string, string>
    {
        ["digest"] = "/news digest mode:off|hourly|daily [time:HH:MM, several as 08:00,18:00]",
        ["quiet"] = "/news quiet hours:HH:MM-HH:MM (or hours:off)",
        ["timezone"] = "/news timezone zone:<IANA zone, e.g. Europe/Berlin>",
        ["limit"] = "/news limit per_hour:<n>",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public string Mention(CommandMention mention)
    {
        if (!Subcommands.TryGetValue(mention.Name, out var slash)) return TextCommandNaming.Instance.Mention(mention);
        var text = "/" + slash.Command + " " + slash.Subcommand.Name;
        // A text command's flag ("page") or key:value argument ("links:\"h2 a\"") names its option; the rest fill the others in order.
        var named = new List<string>();
        var positional = new List<string>();
        foreach (var argument in mention.Arguments)
        {
            if (Named(slash, argument) is { } option) named.Add(option);
            else positional.Add(argument);
        }
        var options = slash.Options.Where(o => !named.Any(n => n.StartsWith(o.Name + ":", StringComparison.Ordinal))).ToList();
        for (var i = 0; i < positional.Count && i < options.Count; i++)
        {
            // More arguments than options: the last option takes the rest, as a text command's last argument does.
            var value = i == options.Count - 1 ? string.Join(' ', positional.Skip(i)) : positional[i];
            text += " " + options[i].Name + ":" + value;
        }
        return named.Aggregate(text, (t, n) => t + " " + n);
    }

    /// <summary>"page" for a boolean option named page gives "page:True"; "links:\"h2 a\"" for an option named links gives "links:h2 a".</summary>
    private static string? Named(Slash slash, string argument)
    {
        foreach (var option in slash.Options)
        {
            if (option.Type == OptionType.Boolean && argument.Equals(option.Name, StringComparison.OrdinalIgnoreCase)) return option.Name + ":True";
            if (option.Type != OptionType.Boolean && argument.StartsWith(option.Name + ":", StringComparison.OrdinalIgnoreCase)
                && argument.Length > option.Name.Length + 1)
                return option.Name + ":" + argument[(option.Name.Length + 1)..].Trim('"', '\u201C', '\u201D');
        }
        return null;
    }

    public string Usage(string commandName)
    {
        if (DeliveryUsage.TryGetValue(commandName, out var usage)) return usage;
        if (!Subcommands.TryGetValue(commandName, out var slash)) return TextCommandNaming.Instance.Usage(commandName);
        return string.Join(' ', slash.Options
            .Select(o => o.Type == OptionType.Boolean ? $"[{o.Name}:True]" : o.Required == true ? $"{o.Name}:<{o.Name}>" : $"[{o.Name}:<{o.Name}>]")
            .Prepend("/" + slash.Command + " " + slash.Subcommand.Name));
    }
}
