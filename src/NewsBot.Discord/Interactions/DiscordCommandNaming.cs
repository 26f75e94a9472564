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
        var options = slash.Options;
        for (var i = 0; i < mention.Arguments.Count && i < options.Count; i++)
        {
            // More arguments than options: the last option takes the rest, as a text command's last argument does.
            var value = i == options.Count - 1 ? string.Join(' ', mention.Arguments.Skip(i)) : mention.Arguments[i];
            text += " " + options[i].Name + ":" + value;
        }
        return text;
    }

    public string Usage(string commandName)
    {
        if (DeliveryUsage.TryGetValue(commandName, out var usage)) return usage;
        if (!Subcommands.TryGetValue(commandName, out var slash)) return TextCommandNaming.Instance.Usage(commandName);
        return string.Join(' ', slash.Options
            .Select(o => o.Required == true ? $"{o.Name}:<{o.Name}>" : $"[{o.Name}:<{o.Name}>]")
            .Prepend("/" + slash.Command + " " + slash.Subcommand.Name));
    }
}
