using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Console;
using NewsBot.Core.SourceHealth;
using NewsBot.Discord;
using NewsBot.Discord.Sending;
using NewsBot.Pipeline.Poll;
using NewsBot.Sources.Reading;
using NewsBot.Sources.Fetching;
using NewsBot.Storage;
using NewsBot.Storage.Entities;
using NewsBot.Telegram;

using NewsBot.Pipeline.Ingest;
using NewsBot.Pipeline.Match;
using NewsBot.Pipeline.Enrich;
using NewsBot.Pipeline.Deliver;

namespace NewsBot.Pipeline.Deliver.Notices;

/// <summary>One addressee of a source notice: a subscribed chat (<see cref="ChatId"/> set) or an admin.</summary>
public sealed record NoticeRecipient(string Platform, string Target, long? ChatId);

/// <summary>
/// Who hears about a failing source: the chats that depend on it (the rule is
/// <see cref="DependentChats"/>) and the admins — Telegram and Discord admin user ids of the bots
/// that run, or the console when no bot runs. An admin who is also a dependent chat hears once.
/// </summary>
public sealed class SourceNoticeRecipients(IOptions<TelegramOptions> telegram, IOptions<DiscordOptions> discord)
{
    public async Task<IReadOnlyList<NoticeRecipient>> DependentChatsAsync(NewsBotDbContext db, Source source, ISet<string> platforms, DateTime now, CancellationToken ct)
    {
        var sources = await db.Sources.AsNoTracking().Where(s => !s.Paused || s.Id == source.Id)
            .Select(s => new { s.Id, s.Name, s.Url }).ToListAsync(ct);
        var chats = await db.Chats.AsNoTracking().Where(c => !c.Paused && c.DeactivatedReason == null)
            .Select(c => new { c.Id, c.Platform, c.ExternalId, Filters = c.Filters.Select(f => f.Text).ToList() }).ToListAsync(ct);
        var since = now - DependentChats.History;
        var recent = (await db.Alerts.AsNoTracking().Where(a => a.CreatedAt >= since)
                .Select(a => new { a.ChatId, a.Article!.SourceId }).Distinct().ToListAsync(ct))
            .ToLookup(a => a.ChatId, a => a.SourceId);

        var dependent = DependentChats.Of(
            Identity(source.Id, source.Name, source.Url),
            sources.Select(s => Identity(s.Id, s.Name, s.Url)).ToList(),
            chats.Where(c => platforms.Contains(c.Platform)).Select(c => new ChatReach(c.Id, c.Filters, recent[c.Id].ToList()))).ToHashSet();
        return chats.Where(c => dependent.Contains(c.Id)).Select(c => new NoticeRecipient(c.Platform, c.ExternalId, c.Id)).ToList();
    }

    /// <summary>The admins of the bots that run; the console stands in for them when no bot runs.</summary>
    public IReadOnlyList<NoticeRecipient> Admins(ISet<string> platforms)
    {
        var admins = new List<NoticeRecipient>();
        var telegramOn = platforms.Contains(TelegramPlatform) && !string.IsNullOrEmpty(telegram.Value.BotToken);
        var discordOn = platforms.Contains(DiscordAlertSender.PlatformName) && !string.IsNullOrEmpty(discord.Value.BotToken);
        // Telegram: a private chat's id is the user's id (Bot API, Chat.id).
        if (telegramOn) admins.AddRange(telegram.Value.AdminUserIds.Select(id => new NoticeRecipient(TelegramPlatform, id.ToString(System.Globalization.CultureInfo.InvariantCulture), null)));
        // Discord: a user is reached through a DM channel, opened when the notice is sent (POST /users/@me/channels).
        if (discordOn) admins.AddRange(discord.Value.AdminUserIds.Select(id => new NoticeRecipient(DiscordAlertSender.PlatformName, SourceNotice.UserTargetPrefix + id, null)));
        if (!telegramOn && !discordOn && platforms.Contains(ConsoleAlertSender.PlatformName))
            admins.Add(new NoticeRecipient(ConsoleAlertSender.PlatformName, ConsoleAlertSender.DefaultChatId, null));
        return admins;
    }

    private const string TelegramPlatform = "telegram";

    private static SourceIdentity Identity(long id, string name, string url) => new(id, name, SourceAddress.Host(url));
}
