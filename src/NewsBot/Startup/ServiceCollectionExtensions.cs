using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using NewsBot.Application;
using NewsBot.Commands;
using NewsBot.Configuration;
using NewsBot.Core.Commands;
using NewsBot.Core.Summaries;
using NewsBot.Pipeline;
using NewsBot.Pipeline.Deliver;
using NewsBot.Pipeline.Deliver.Notices;
using NewsBot.Pipeline.Enrich;
using NewsBot.Pipeline.Ingest;
using NewsBot.Pipeline.Match;
using NewsBot.Pipeline.Poll;
using NewsBot.Pipeline.Push;
using NewsBot.Scaling;
using NewsBot.Sources.Fetching;
using NewsBot.Sources.Reading;
using NewsBot.Storage;

namespace NewsBot.Startup;

public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddNewsBotStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return new NewsBotDbContextFactory(options.Provider, options.ConnectionString, Directory.GetCurrentDirectory());
        });
        services.AddSingleton<IDbContextFactory<NewsBotDbContext>>(sp => sp.GetRequiredService<NewsBotDbContextFactory>());
        return services;
    }

    public static IServiceCollection AddNewsBotSources(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SourcesOptions>>().Value;
            return new FeedFetcher(new FetchOptions
            {
                Timeout = o.FetchTimeout,
                MaxBodyBytes = o.MaxBodyBytes,
                AllowPrivateAddresses = o.AllowPrivateAddresses,
                MaxConcurrentPerHost = o.MaxConcurrentPerHost,
            }, sp.GetRequiredService<TimeProvider>());
        });
        services.AddKeyedSingleton(ArticlePageEnricher.FetcherKey, (sp, _) =>
        {
            var o = sp.GetRequiredService<IOptions<SourcesOptions>>().Value;
            return new FeedFetcher(new FetchOptions
            {
                Timeout = o.FetchTimeout,
                MaxBodyBytes = o.MaxPageBytes, // a page is read for a few paragraphs, not a feed's worth of items
                // AllowPrivateAddresses is about feeds the operator configured; a page link comes from the
                // feed's author, so it reaches private addresses only on a configured source's host.
                AllowPrivateAddresses = false,
                PrivateAddressesAllowedFor = o.AllowPrivateAddresses ? sp.GetRequiredService<SourceHosts>().Contains : null,
                MaxConcurrentPerHost = o.MaxConcurrentPerHost,
            }, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<SourceHosts>();
        services.AddSingleton(sp => new SourceFeedReader(sp.GetRequiredService<FeedFetcher>(),
            new FeedReaderOptions(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, sp.GetRequiredService<IOptions<SourcesOptions>>().Value.PollBudget),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// Hangfire runs the pipeline's jobs: in memory with SQLite (the database stays the only truth),
    /// in PostgreSQL when several instances share one (see <see cref="HangfireStorageChoice"/>).
    /// </summary>
    public static IServiceCollection AddNewsBotPipeline(this IServiceCollection services)
    {
        services.TryAddTimeProvider();
        services.AddSingleton<FilterIndexHolder>();
        services.AddOptions<FilterIndexOptions>().BindConfiguration(FilterIndexOptions.Section);
        services.AddSingleton<StoryIndexHolder>();
        services.AddOptions<StoryIndexOptions>().BindConfiguration(StoryIndexOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoryIndexOptions>, StoryIndexOptionsValidator>();
        services.AddNewsBotLanguages();
        services.AddSingleton(sp => new ArticleIngester(sp.GetRequiredService<IOptions<SourcesOptions>>().Value.MaxArticleAge, sp.GetRequiredService<ArticleLanguageDetector>()));
        services.AddSingleton<ArticleMatcher>();
        services.AddSingleton<StoryMerger>();
        services.AddSingleton<StoryIndexSync>();
        services.AddHostedService(sp => sp.GetRequiredService<StoryIndexSync>());
        services.AddNewsBotCommands();
        services.AddNewsBotApplication();
        services.AddSingleton<SeedData>();
        services.AddSingleton<FilterPreview>();
        services.AddSingleton<FilterCommands>();
        services.AddSingleton<FollowCommands>();
        services.AddSingleton<AlertControlCommands>();
        services.AddSingleton<SourceCommands>();
        services.AddSingleton<WebhookCommands>();
        services.AddSingleton<ICommandExecutor, CommandExecutor>();
        services.AddSingleton<SourceClaims>();
        services.AddSingleton<PollRecorder>();
        services.AddSingleton<SourcePoller>();
        services.AddSingleton<PollResultWriter>();
        services.AddNewsBotPush();
        services.AddSingleton<Pipeline.Deliver.Outbox.Outbox>();
        services.AddSingleton<ChatDelivery>();
        services.AddSingleton<Pipeline.Deliver.Mentions.MemberCheck>();
        services.AddSingleton<Pipeline.Deliver.Mentions.PersonalAlerts>();
        services.AddSingleton<Pipeline.Deliver.Mentions.MentionSender>();
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<DigestSender>();
        services.AddSingleton<SourceNoticeRecipients>();
        services.AddSingleton<SourceNoticeQueue>();
        services.AddSingleton<SourceNoticeSender>();
        services.AddHostedService<SourceNoticeLoop>();
        // The writer before the scheduler: hosted services stop in reverse order, so the results of
        // the polls the scheduler's stop ends are still written.
        services.AddHostedService(sp => sp.GetRequiredService<PollResultWriter>());
        services.AddHostedService<SourceScheduler>();
        services.AddOptions<LeadershipOptions>().BindConfiguration(LeadershipOptions.Section);
        services.AddOptions<ClaimLeaseOptions>().BindConfiguration(ClaimLeaseOptions.Section)
            .Validate(o => o.ClaimLease >= TimeSpan.FromSeconds(5), "NewsBot:Delivery:ClaimLease must be at least 00:00:05").ValidateOnStart();
        services.AddSingleton<Topology>();
        services.AddSingleton<LeaderElection>();
        services.AddSingleton<InstanceSignals>();
        services.AddHostedService(sp => sp.GetRequiredService<InstanceSignals>());
        services.AddSingleton<Core.Platforms.IBotLeases>(sp => sp.GetRequiredService<LeaderElection>());
        services.AddSingleton<Platforms.ChatPlatforms>();
        services.AddHostedService<LeaderDispatchLoop>();
        services.AddHostedService<FilterIndexSync>();
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseNewsBotStorage(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        // One server per queue, each with its own workers: a burst of slow pages can occupy every page
        // worker and still not delay a send ("default" takes jobs stored by older versions, and any job
        // that names no queue). Polls run in-process on their own pool (SourceScheduler).
        AddHangfireServer(services, "delivery", HangfireStorageChoice.DeliveryWorkers, JobQueues.Delivery, "default");
        AddHangfireServer(services, "pages", HangfireStorageChoice.PageWorkers, JobQueues.Pages);
        return services;
    }

    private static void AddHangfireServer(IServiceCollection services, string lane, int workers, params string[] queues) =>
        services.AddHangfireServer(o =>
        {
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{lane}";
            o.Queues = queues;
            o.WorkerCount = workers;
            o.ShutdownTimeout = TimeSpan.FromSeconds(5); // Ctrl+C must stop the service within seconds
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });

    /// <summary>
    /// Summaries: page text for thin feed items, and a model summarizer when NewsBot:Summaries:Model
    /// names an OpenAI-compatible endpoint (Ollama serves one at /v1).
    /// </summary>
    public static IServiceCollection AddNewsBotSummaries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ArticleEnrichmentRule>();
        services.AddTransient<ArticlePageEnricher>();
        var model = configuration.GetSection(SummariesOptions.Section + ":Model").Get<ModelSummaryOptions>() ?? new();
        if (model.Enabled)
        {
            services.AddSingleton<IChatClient>(_ => new OpenAI.OpenAIClient(
                    new System.ClientModel.ApiKeyCredential(string.IsNullOrEmpty(model.ApiKey) ? "unused" : model.ApiKey),
                    new OpenAI.OpenAIClientOptions { Endpoint = new Uri(model.Endpoint!) })
                .GetChatClient(model.ModelId).AsIChatClient());
        }
        return services;
    }

    /// <summary>Registered after tests had their say, so a test's own IChatClient turns the model summarizer on.</summary>
    public static IServiceCollection AddNewsBotModelSummarizerIfConfigured(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(IChatClient))) return services;
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SummariesOptions>>().Value.Model;
            return new ModelSummarizer(sp.GetRequiredService<IChatClient>(),
                new ModelSummarizerOptions { ModelId = o.ModelId, Timeout = o.Timeout, RequestsPerMinute = o.RequestsPerMinute },
                sp.GetRequiredService<TimeProvider>());
        });
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
