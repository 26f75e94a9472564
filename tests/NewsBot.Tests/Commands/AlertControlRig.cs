using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Commands;
using NewsBot.Configuration;
using NewsBot.Core.Commands;
using NewsBot.Pipeline.Match;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Application;
using NewsBot.Tests.Pipeline.Deliver;

namespace NewsBot.Tests.Commands;

/// <summary>
/// Chat commands (the real executor, as the host wires it) and delivery (outbox, digests) over one in-memory
/// database and one fake clock: what a button press changes is what the next dispatch sends.
/// </summary>
internal sealed class AlertControlRig : IAsyncDisposable
{
    public const string Platform = "scripted";

    private AlertControlRig(ApplicationWorld world)
    {
        World = world;
        Delivery = new OutboxHarness(world.Database, world.Time, Sender);
        var follows = new FollowCommands(new NewsBot.Application.Filters.PersonalFilters(world.Index, new NewsBot.Core.Filters.FilterLimits(), new NewsBot.Application.Filters.PersonalFilterLimits(20, 500), world.Time),
            world.Chats, new FilterPreview(new CommandOptions(), world.Time));
        Executor = new CommandExecutor(world.Database.Factory, world.FilterCommands, follows, world.SourceCommands,
            new WebhookCommands(world.FilterCommands, world.Chats), world.Chats,
            new AlertControlCommands(Options.Create(new StoryIndexOptions()), world.Time),
            Options.Create(new DeliveryOptions()), NullLogger<CommandExecutor>.Instance);
    }

    public ApplicationWorld World { get; }
    public ScriptedPlatform Sender { get; } = new(Platform);
    public OutboxHarness Delivery { get; }
    public CommandExecutor Executor { get; }

    public static async Task<AlertControlRig> StartAsync() => new(await ApplicationWorld.StartAsync());

    public static CommandContext Private(string chatId) => new(Platform, chatId, ChatKind.Private, chatId, false, true);

    public static CommandContext Group(string chatId, string userId, bool admin) => new(Platform, chatId, ChatKind.Group, userId, false, admin);

    /// <summary>Runs command text as a typed command or a pressed button would be run: access check, then the executor.</summary>
    public async Task<string> RunAsync(CommandContext ctx, string text) =>
        (await CommandRouter.RouteAsync(ctx, ChatCommandParser.Parse(text)!, Executor, CancellationToken.None)).Text;

    /// <summary>
    /// A chat with <paramref name="filter"/> and a sent alert about a story matched by it: the message a
    /// button is pressed under. Returns the chat and the alert.
    /// </summary>
    public async Task<(Chat Chat, Alert Alert)> SentAlertAsync(string externalId, string filter, string terms, string title = "Ceasefire talks resume in Cairo")
    {
        await RunAsync(Private(externalId), "/add " + filter);
        await using var db = World.Db();
        var chat = await db.Chats.Include(c => c.Filters).SingleAsync(c => c.ExternalId == externalId);
        var source = await db.Sources.FirstOrDefaultAsync() ?? db.Sources.Add(new Source { Name = "Wire", Url = "https://wire.example/feed" }).Entity;
        var now = Delivery.Now;
        var story = new Story { FirstSeenAt = now };
        var article = new Article
        {
            Source = source, Story = story, IdentityHash = Guid.NewGuid().ToString("N"), Title = title, Text = title + ".",
            Link = "https://wire.example/" + Guid.NewGuid().ToString("N"), PublishedAt = now, FetchedAt = now,
        };
        db.StorySources.Add(new StorySource { Story = story, Source = source, FirstReportedAt = now });
        var alert = new Alert
        {
            ChatId = chat.Id, Article = article, Story = story, FilterId = chat.Filters[^1].Id, MatchedTerms = terms.Replace(',', Alert.TermSeparator),
            Status = AlertStatus.Pending, CreatedAt = now, NextAttemptAt = now,
        };
        db.Alerts.Add(alert);
        await db.SaveChangesAsync();
        await Delivery.DispatchAsync();
        return (chat, await Delivery.AlertAsync(alert.Id));
    }

    public async ValueTask DisposeAsync()
    {
        await Delivery.DisposeAsync();
        await World.DisposeAsync();
    }
}
