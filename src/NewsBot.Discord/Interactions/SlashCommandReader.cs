using NewsBot.Core.Commands;

namespace NewsBot.Discord.Interactions;

/// <summary>
/// Reads a slash command's typed options straight into the platform-neutral <see cref="ChatCommand"/>, through
/// the same argument rules as typed Telegram commands (<see cref="CommandArguments"/>), so a bad time, zone,
/// number or filter is explained in the same words. Null for a subcommand NewsBot does not have.
/// /newsadmin addwebhook is not read here: it needs Discord to confirm the webhook first.
/// </summary>
public static class SlashCommandReader
{
    public static ChatCommand? Read(DiscordInteraction i)
    {
        // Discord caps option lengths, but a forged interaction need not respect them; refuse it unread like long text.
        var length = i.Options.Values.Sum(v => v.Length);
        if (length > CommandArguments.MaxCommandLength && i.SubcommandName is { } sub && Known(i)) return CommandArguments.TooLong(sub, length);
        return (i.CommandName, i.SubcommandName) switch
        {
            (NewsSlashCommands.News, "add") => CommandArguments.Add(i.Option("filter") ?? "", null),
            (NewsSlashCommands.News, "list") => new ChatCommand.List(),
            (NewsSlashCommands.News, "remove") => CommandArguments.Remove(i.Option("number") ?? "", null),
            (NewsSlashCommands.News, "follow") => CommandArguments.Follow(i.Option("filter") ?? ""),
            (NewsSlashCommands.News, "following") => new ChatCommand.Following(),
            (NewsSlashCommands.News, "unfollow") => CommandArguments.Unfollow(i.Option("number") ?? ""),
            (NewsSlashCommands.News, "pause") => CommandArguments.Pause(i.Option("for")),
            (NewsSlashCommands.News, "resume") => new ChatCommand.Resume(),
            (NewsSlashCommands.News, "test") => CommandArguments.Test(i.Option("text") ?? ""),
            (NewsSlashCommands.News, "sources") => new ChatCommand.Sources(),
            (NewsSlashCommands.News, "digest") => CommandArguments.Digest(i.Option("mode") ?? "", i.Option("time")),
            (NewsSlashCommands.News, "quiet") => CommandArguments.Delivery("quiet", i.Option("hours")),
            (NewsSlashCommands.News, "timezone") => CommandArguments.Delivery("timezone", i.Option("zone")),
            (NewsSlashCommands.News, "limit") => CommandArguments.Delivery("limit", i.Option("per_hour")),
            // The delivery commands without arguments show the settings; /digest is the one they go by.
            (NewsSlashCommands.News, "settings") => CommandArguments.Delivery("digest", null),
            (NewsSlashCommands.NewsAdmin, "addsource") => CommandArguments.AddSource(i.Option("url") ?? "", i.Option("name"),
                string.Equals(i.Option("page"), "true", StringComparison.OrdinalIgnoreCase), i.Option("links")),
            (NewsSlashCommands.NewsAdmin, "removesource" or "pausesource" or "resumesource") =>
                CommandArguments.SourceId(i.SubcommandName!, i.Option("id") ?? ""),
            (NewsSlashCommands.NewsAdmin, "stats") => new ChatCommand.Stats(),
            _ => null,
        };
    }

    private static bool Known(DiscordInteraction i) =>
        NewsSlashCommands.All.Any(c => c.Name == i.CommandName && c.Options.Any(o => o.Name == i.SubcommandName));
}
