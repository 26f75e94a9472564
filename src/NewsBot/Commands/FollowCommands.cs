using System.Text;
using NewsBot.Application.Chats;
using NewsBot.Application.Filters;
using NewsBot.Core.Commands;
using NewsBot.Core.Filters;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Commands;

/// <summary>
/// /follow, /following, /unfollow: a member's personal filters in a shared chat, in chat words. Any member may
/// use them (they never change the chat's own filters); the rules are <see cref="PersonalFilters"/>'.
/// </summary>
public sealed class FollowCommands(PersonalFilters personal, ChatDirectory chats, FilterPreview preview)
{
    public async Task<CommandReply> FollowAsync(NewsBotDbContext db, CommandContext ctx, string text, string addedBy, CancellationToken ct)
    {
        if (NotShared(ctx) is { } refusal) return refusal;
        var chat = await chats.FindOrCreateAsync(db, ctx.Platform, ctx.ChatId, ctx.ChatTitle, ct);
        var (privateChat, reachable) = await PrivateChatAsync(db, ctx, ct);
        switch (await personal.FollowAsync(db, chat, (ctx.UserId, ctx.UserName), privateChat, text, addedBy, ct))
        {
            case FilterAddResult.Invalid error:
                return new CommandReply($"That filter has a problem: {error.Message}.\nExamples: {CommandMention.Of("follow", "ceasefire")}, {CommandMention.Of("follow", "\"two-state solution\"")}");
            case FilterAddResult.MemberFull { Count: var count }:
                return new CommandReply($"You already follow {count} filters here, the most one member may. Remove one with {CommandMention.Of("unfollow", "<number>")} first.");
            case FilterAddResult.ChatFull { Count: var count }:
                return new CommandReply($"Members of this chat already follow {count} filters, the most allowed here. Nothing was added.");
            case FilterAddResult.SenderFull { Count: var mine }:
                return new CommandReply($"You have already added {mine} filters across your chats, the most one person may have. Remove some first.");
            case FilterAddResult.Duplicate { Normalized: var normalized }:
                return new CommandReply($"You already follow {normalized} here.");
            case FilterAddResult.Added { Number: var number, Filter: var filter }:
                var found = await preview.ScanAsync(db, filter, 3, ct);
                return new CommandReply($"You follow {number}: {filter.Normalized}\n{WhereAlertsGo(ctx, privateChat, reachable)}\n\n{preview.Describe(found)}");
            case var other:
                throw new InvalidOperationException($"chat {chat.Id}: unexpected follow result {other.GetType().Name}");
        }
    }

    public async Task<CommandReply> FollowingAsync(NewsBotDbContext db, CommandContext ctx, CancellationToken ct)
    {
        if (NotShared(ctx) is { } refusal) return refusal;
        var chat = await chats.FindOrCreateAsync(db, ctx.Platform, ctx.ChatId, ctx.ChatTitle, ct);
        var rows = await personal.ListAsync(db, chat.Id, ctx.UserId, ct);
        if (rows.Count == 0)
            return new CommandReply($"You follow nothing here yet. Start with {CommandMention.Of("follow", "<filter>")}, for example {CommandMention.Of("follow", "ceasefire")}.");
        var text = new StringBuilder("You follow here:\n");
        for (var i = 0; i < rows.Count; i++) text.Append(i + 1).Append(". ").AppendLine(Shown(rows[i].Text));
        return CommandReply.WithButtonColumn(ReplyText.Plain(text.ToString().TrimEnd()),
            Enumerable.Range(1, rows.Count).Select(n => new ReplyButton($"Unfollow {n}", $"/unfollow {n}")));
    }

    public async Task<CommandReply> UnfollowAsync(NewsBotDbContext db, CommandContext ctx, int number, CancellationToken ct)
    {
        if (NotShared(ctx) is { } refusal) return refusal;
        var chat = await chats.FindOrCreateAsync(db, ctx.Platform, ctx.ChatId, ctx.ChatTitle, ct);
        var removed = await personal.UnfollowAsync(db, chat.Id, ctx.UserId, number, ct);
        if (removed is FilterRemoveResult.NoSuchNumber { Count: var count })
            return new CommandReply(count == 0
                ? ReplyText.Plain("You follow nothing here.")
                : ReplyText.Of($"You have no filter {number} here; yours are 1 to {count} (see {CommandMention.Of("following")})."));
        return new CommandReply($"You no longer follow {number}: {Shown(((FilterRemoveResult.Removed)removed).Row.Text)}");
    }

    /// <summary>A private chat's filters are already personal; a channel has no members who could follow.</summary>
    private static CommandReply? NotShared(CommandContext ctx) => ctx.ChatKind switch
    {
        ChatKind.Private => new CommandReply($"Here your filters are already yours alone: use {CommandMention.Of("add", "<filter>")} in this chat. {CommandMention.Of("follow", "<filter>")} is for groups."),
        ChatKind.Channel => new CommandReply($"{CommandMention.Of("follow")} works in groups, where members can be messaged; a channel's alerts are its filters ({CommandMention.Of("add", "<filter>")})."),
        _ => null,
    };

    /// <summary>
    /// The member's private chat row, found or created from what the adapter named; reachable when it existed
    /// and is not deactivated (the member started the bot and never blocked it).
    /// </summary>
    private async Task<(Chat? Chat, bool Reachable)> PrivateChatAsync(NewsBotDbContext db, CommandContext ctx, CancellationToken ct)
    {
        if (ctx.PrivateChatId is not { } id) return (null, false);
        var existed = db.Chats.Any(c => c.Platform == ctx.Platform && c.ExternalId == id && c.DeactivatedReason == null);
        return (await chats.FindOrCreateAsync(db, ctx.Platform, id, ctx.UserName, ct), existed);
    }

    private static ReplyText WhereAlertsGo(CommandContext ctx, Chat? privateChat, bool reachable) => (privateChat, reachable) switch
    {
        (null, _) => ReplyText.Plain("I can't message you privately, so I'll mention you here when it matches."),
        (_, true) => ReplyText.Plain("I'll message you privately when it matches."),
        _ when ctx.BotUserName is { } bot => ReplyText.Plain($"I'll message you privately; start a chat with me first: t.me/{bot} (until then I'll mention you here)."),
        _ => ReplyText.Plain("I'll message you privately; start a private chat with me first (until then I'll mention you here)."),
    };

    private static string Shown(string text) =>
        FilterParser.Parse(text) is FilterParseResult.Success ok ? ok.Filter.Normalized : text;
}
