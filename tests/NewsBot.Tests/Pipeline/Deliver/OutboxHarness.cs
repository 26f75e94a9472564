using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Configuration;
using NewsBot.Core.Platforms;
using NewsBot.Pipeline.Deliver;
using NewsBot.Pipeline.Deliver.Notices;
using NewsBot.Pipeline.Match;
using NewsBot.Scaling;
using NewsBot.Storage;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Deliver;

/// <summary>
/// The delivery side as one instance builds it (outbox, dispatcher, digests, notices) on a shared
/// in-memory database, a fake clock and scripted platforms. Two harnesses on one database are two instances.
/// </summary>
public sealed class OutboxHarness : IAsyncDisposable
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(90);
    private readonly ServiceProvider _services;

    public OutboxHarness(TestDatabase database, FakeTimeProvider time, params IChatPlatform[] platforms)
        : this(database, time, new DeliveryOptions(), platforms)
    {
    }

    /// <param name="delivery">NewsBot:Delivery as configured (the default hourly limit).</param>
    public OutboxHarness(TestDatabase database, FakeTimeProvider time, DeliveryOptions delivery, params IChatPlatform[] platforms)
    {
        Database = database;
        Time = time;
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IDbContextFactory<NewsBotDbContext>>(database.Factory);
        services.AddSingleton(Options.Create(new ClaimLeaseOptions { ClaimLease = Lease }));
        services.AddSingleton(Options.Create(new SummariesOptions()));
        services.AddSingleton(Options.Create(delivery));
        services.AddSingleton(Options.Create(new DatabaseOptions()));
        services.AddSingleton(Options.Create(new LeadershipOptions()));
        foreach (var platform in platforms) services.AddSingleton(platform);
        services.AddSingleton<IBackgroundJobClient>(Jobs);
        services.AddSingleton<Observability.NewsBotMetrics>();
        services.AddSingleton<Topology>().AddSingleton<LeaderElection>().AddSingleton<NewsBot.Platforms.ChatPlatforms>();
        services.AddSingleton<NewsBot.Pipeline.Deliver.Outbox.Outbox>().AddSingleton<DigestSender>().AddSingleton<ChatDelivery>()
            .AddSingleton<AlertDispatcher>().AddSingleton<SourceNoticeSender>().AddSingleton<SourceNoticeRecipients>();
        services.AddSingleton<NewsBot.Pipeline.Deliver.Mentions.MemberCheck>().AddSingleton<NewsBot.Pipeline.Deliver.Mentions.PersonalAlerts>()
            .AddSingleton<NewsBot.Pipeline.Deliver.Mentions.MentionSender>();
        _services = services.BuildServiceProvider();
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Time { get; }
    public RecordingJobClient Jobs { get; } = new();
    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public Task DispatchAsync() => Get<AlertDispatcher>().DispatchPendingAsync(CancellationToken.None);

    public Task<int> SendNoticesAsync() => Get<SourceNoticeSender>().SendPendingAsync(CancellationToken.None);

    public async Task<Chat> AddChatAsync(string platform, string externalId)
    {
        await using var db = Database.Open();
        var chat = new Chat { Platform = platform, ExternalId = externalId, CreatedAt = Now };
        db.Chats.Add(chat);
        await db.SaveChangesAsync();
        return chat;
    }

    /// <summary>A pending alert for a new article; <paramref name="heldFor"/> puts it in a digest that is due now.</summary>
    public async Task<Alert> AddAlertAsync(Chat chat, string title, string? heldFor = null)
    {
        await using var db = Database.Open();
        var source = await db.Sources.FirstOrDefaultAsync() ?? db.Sources.Add(new Source { Name = "Wire", Url = "https://wire.example/feed" }).Entity;
        var article = new Article
        {
            Source = source, IdentityHash = Guid.NewGuid().ToString("N"), Title = title, Text = title + ".",
            Link = "https://wire.example/" + Guid.NewGuid().ToString("N"), PublishedAt = Now, FetchedAt = Now,
        };
        var alert = new Alert
        {
            ChatId = chat.Id, Article = article, MatchedTerms = "news", Status = AlertStatus.Pending, HeldFor = heldFor,
            CreatedAt = Now, NextAttemptAt = Now,
        };
        db.Alerts.Add(alert);
        await db.SaveChangesAsync();
        return alert;
    }

    public async Task<SourceNotice> AddNoticeAsync(string platform, string target, long? chatId, string text = "feed 'Wire' has been failing")
    {
        await using var db = Database.Open();
        var source = await db.Sources.FirstOrDefaultAsync() ?? db.Sources.Add(new Source { Name = "Wire", Url = "https://wire.example/feed" }).Entity;
        var notice = new SourceNotice
        {
            Source = source, Kind = SourceNoticeKind.Failing, Platform = platform, Target = target, ChatId = chatId, Text = text,
            Status = AlertStatus.Pending, CreatedAt = Now, NextAttemptAt = Now,
        };
        db.SourceNotices.Add(notice);
        await db.SaveChangesAsync();
        return notice;
    }

    public async Task<Alert> AlertAsync(long id)
    {
        await using var db = Database.Open();
        return await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public async Task<SourceNotice> NoticeAsync(long id)
    {
        await using var db = Database.Open();
        return await db.SourceNotices.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    public async Task<Chat> ChatAsync(long id)
    {
        await using var db = Database.Open();
        return await db.Chats.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>Sets columns of stored alerts the way the past left them (attempts so far, a claim by a sender that died).</summary>
    /// <summary>
    /// What a poll does when <paramref name="sourceName"/> reports the alert's story: a story source
    /// row (the alert gets a story of its own first if it has none) and the alerts flagged for an edit.
    /// </summary>
    public async Task ReportAsync(long alertId, string sourceName)
    {
        await using var db = Database.Open();
        var alert = await db.Alerts.Include(a => a.Article).SingleAsync(a => a.Id == alertId);
        if (alert.StoryId is null)
        {
            var story = new Story { FirstSeenAt = Now };
            db.StorySources.Add(new StorySource { Story = story, SourceId = alert.Article!.SourceId, FirstReportedAt = Now });
            alert.Story = story;
            alert.Article.Story = story;
        }
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Name == sourceName)
            ?? db.Sources.Add(new Source { Name = sourceName, Url = $"https://{Guid.NewGuid():N}.example/feed" }).Entity;
        await db.SaveChangesAsync();
        db.StorySources.Add(new StorySource { StoryId = alert.StoryId!.Value, SourceId = source.Id, FirstReportedAt = Now });
        await db.SaveChangesAsync();
        await StoryGroup.FlagAlertsAsync(db, [alert.StoryId!.Value], CancellationToken.None);
    }

    public async Task SetAlertAsync(long id, Action<Alert> change)
    {
        await using var db = Database.Open();
        change(await db.Alerts.SingleAsync(a => a.Id == id));
        await db.SaveChangesAsync();
    }

    public async Task SetNoticeAsync(long id, Action<SourceNotice> change)
    {
        await using var db = Database.Open();
        change(await db.SourceNotices.SingleAsync(n => n.Id == id));
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
