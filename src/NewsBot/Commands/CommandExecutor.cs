using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Application.Chats;
using NewsBot.Core.Commands;
using NewsBot.Core.Delivery;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Commands;

/// <summary>
/// Runs chat commands against the database for every platform. Access rules, help and malformed
/// commands were handled by <see cref="CommandRouter"/> before a command gets here.
/// </summary>
public sealed partial class CommandExecutor(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    FilterCommands filters,
    FollowCommands follows,
    SourceCommands sources,
    WebhookCommands webhooks,
    ChatDirectory chats,
    AlertControlCommands controls,
    IOptions<Configuration.DeliveryOptions> delivery,
    ILogger<CommandExecutor> log) : ICommandExecutor
{
    public async Task<CommandReply> ExecuteAsync(CommandContext ctx, ChatCommand cmd, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            return cmd switch
            {
                ChatCommand.Start => await StartAsync(db, ctx, ct),
                ChatCommand.Add add => await filters.AddAsync(db, await ChatAsync(db, ctx, cmd, ct), add.Filter, Sender(ctx), ct),
                ChatCommand.List => await filters.ListAsync(db, await ChatAsync(db, ctx, cmd, ct), cmd.TargetChannel, ct),
                ChatCommand.Remove remove => await filters.RemoveAsync(db, await ChatAsync(db, ctx, cmd, ct), remove.Number, ct),
                ChatCommand.Test test => await filters.TestAsync(db, await ChatAsync(db, ctx, cmd, ct), test.Text, ct),
                ChatCommand.Pause { For: { } span } => await controls.PauseForAsync(db, await ChatAsync(db, ctx, cmd, ct), span, ct),
                ChatCommand.Pause => await SetPausedAsync(db, ctx, cmd, true, ct),
                ChatCommand.MuteStory mute => await controls.MuteStoryAsync(db, ctx, mute.AlertId, ct),
                ChatCommand.Why why => await controls.WhyAsync(db, ctx, why.AlertId, ct),
                ChatCommand.Resume => await SetPausedAsync(db, ctx, cmd, false, ct),
                ChatCommand.Stop => await StopAsync(db, ctx, ct),
                ChatCommand.Connect connect => await ConnectAsync(db, ctx, cmd, connect.Channel, ct),
                ChatCommand.SetDelivery delivery => await SetDeliveryAsync(db, ctx, cmd, delivery.Change, ct),
                ChatCommand.Sources => await sources.ListAsync(db, ctx.IsBotAdmin, ct),
                ChatCommand.AddSource add => await sources.AddAsync(db, add, ct),
                ChatCommand.RemoveSource remove => await sources.RemoveAsync(db, remove.Id, ct),
                ChatCommand.PauseSource pause => await sources.SetPausedAsync(db, pause.Id, true, ct),
                ChatCommand.ResumeSource resume => await sources.SetPausedAsync(db, resume.Id, false, ct),
                ChatCommand.Stats => await sources.StatsAsync(db, ct),
                ChatCommand.Follow follow => await follows.FollowAsync(db, ctx, follow.Filter, Sender(ctx), ct),
                ChatCommand.Following => await follows.FollowingAsync(db, ctx, ct),
                ChatCommand.Unfollow unfollow => await follows.UnfollowAsync(db, ctx, unfollow.Number, ct),
                ChatCommand.AddWebhook webhook => await webhooks.AddAsync(db, webhook, Sender(ctx), ct),
                _ => new CommandReply($"{CommandMention.Of(cmd.Name)} is not available yet."),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e, cmd.Name, ctx.Platform, ctx.ChatId);
            return CommandReplies.Failed(cmd);
        }
    }

    /// <summary>
    /// "platform:user id", who a filter counts for (<see cref="ChatFilter.AddedBy"/>). An anonymous
    /// Telegram group admin is the group itself (the adapter gives the sender chat's id).
    /// </summary>
    private static string Sender(CommandContext ctx)
    {
        var key = ctx.Platform + ":" + ctx.UserId;
        return key.Length <= 100 ? key : key[..100]; // the column's size; real ids are far shorter
    }

    /// <summary>The chat the command acts on: the @channel target when given, else the chat it was sent in. Created on first use.</summary>
    private async Task<Chat> ChatAsync(NewsBotDbContext db, CommandContext ctx, ChatCommand cmd, CancellationToken ct)
    {
        var (externalId, title, parent) = cmd.TargetChannel is not null && ctx.Target is { } target
            ? (target.ChatId, target.Title ?? target.Handle, null)
            : (ctx.ChatId, ctx.ChatTitle ?? ctx.UserName, ctx.ParentChatId);
        return await chats.FindOrCreateAsync(db, ctx.Platform, externalId, title, parent, ct);
    }

    private async Task<CommandReply> StartAsync(NewsBotDbContext db, CommandContext ctx, CancellationToken ct)
    {
        var chat = await ChatAsync(db, ctx, new ChatCommand.Start(), ct);
        var welcomeBack = await chats.ReactivateAsync(db, chat, ct);
        var help = CommandReplies.Help(ctx).Body;
        return new CommandReply($"{(welcomeBack ? "Welcome back! Alerts are on again.\n\n" : "")}{help}");
    }

    private async Task<CommandReply> SetPausedAsync(NewsBotDbContext db, CommandContext ctx, ChatCommand cmd, bool paused, CancellationToken ct)
    {
        var chat = await ChatAsync(db, ctx, cmd, ct);
        await chats.SetPausedAsync(db, chat, paused, ct);
        // A command from the chat shows it takes messages again (a reopened topic or thread): /resume brings it
        // back like /start, which Discord has no command for.
        if (!paused)
        {
            await chats.ReactivateAsync(db, chat, ct);
            await controls.EndPauseAsync(db, chat, ct);
        }
        return paused
            ? new CommandReply($"Alerts are paused. Send {CommandMention.Of("resume")} to start them again.")
            : new CommandReply("Alerts are on again.");
    }

    private async Task<CommandReply> SetDeliveryAsync(NewsBotDbContext db, CommandContext ctx, ChatCommand cmd, DeliveryChange change, CancellationToken ct)
    {
        var chat = await ChatAsync(db, ctx, cmd, ct);
        var current = DeliveryPreferencesText.ReadOrDefault(chat.DeliveryPreferences);
        var updated = change.ApplyTo(current);
        var defaultLimit = delivery.Value.DefaultHourlyLimit;
        if (change is DeliveryChange.Show) return new CommandReply(ReplyText.Plain(DeliveryDescription.Describe(updated, defaultLimit) + ".") + controls.PauseNote(chat));
        chat.DeliveryPreferences = DeliveryPreferencesText.Format(updated);
        await db.SaveChangesAsync(ct);
        return new CommandReply(DeliveryDescription.Confirm(change, updated, defaultLimit) + controls.PauseNote(chat));
    }

    private async Task<CommandReply> StopAsync(NewsBotDbContext db, CommandContext ctx, CancellationToken ct)
    {
        if (!await chats.ForgetAsync(db, ctx.Platform, ctx.ChatId, ct))
            return new CommandReply($"This chat has no subscription. Send {CommandMention.Of("start")} to begin.");
        return new CommandReply($"Done: this chat and its filters are forgotten. Send {CommandMention.Of("start")} to subscribe again.");
    }

    private async Task<CommandReply> ConnectAsync(NewsBotDbContext db, CommandContext ctx, ChatCommand cmd, string handle, CancellationToken ct)
    {
        await ChatAsync(db, ctx, cmd, ct);
        return new CommandReply($"Connected {handle}. Add its filters from here with {CommandMention.Of("add", handle, "<filter>")}; see them with {CommandMention.Of("list", handle)}.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "command /{Command} in {Platform} chat {ChatId} failed")]
    private partial void LogFailed(Exception e, string command, string platform, string chatId);
}
