using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Admin;
using NewsBot.Application.Chats;
using NewsBot.Application.Filters;
using NewsBot.Application.Sources;
using NewsBot.Commands;
using NewsBot.Configuration;
using NewsBot.Core.Filters;
using NewsBot.Pipeline.Enrich;
using NewsBot.Pipeline.Match;
using NewsBot.Sources.Discovery;
using NewsBot.Sources.Fetching;
using NewsBot.Sources.Reading;
using NewsBot.Storage;
using NewsBot.TestKit;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Application;

/// <summary>
/// The application services over a real in-memory database, a fake clock and a news site on
/// loopback, wired as the host wires them, plus the callers that use them (chat commands, CLI,
/// OPML import) so tests can show they agree.
/// </summary>
public sealed class ApplicationWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly FeedFetcher _fetcher;

    private ApplicationWorld(TestDatabase database, LoopbackHttpServer site, FilterLimits limits)
    {
        Database = database;
        Site = site;
        Index = new FilterIndexHolder(Options.Create(new FilterIndexOptions()), NullLogger<FilterIndexHolder>.Instance);
        _fetcher = new FeedFetcher(new FetchOptions { AllowPrivateAddresses = true, Timeout = TimeSpan.FromSeconds(10) }, Time);
        var reader = new SourceFeedReader(_fetcher, new FeedReaderOptions(Path.GetTempPath(), TimeSpan.FromSeconds(20)), Time);
        var hosts = new SourceHosts(database.Factory, Options.Create(new SourcesOptions { AllowPrivateAddresses = true }), Time);
        Adder = new SourceAdder(reader, new FeedDiscovery(_fetcher, reader, Time), hosts, Time);
        Editor = new SourceEditor(hosts, Time);
        Filters = new ChatFilters(Index, limits, Time);
        Chats = new ChatDirectory(Filters, Time);
        var commandOptions = new CommandOptions();
        FilterCommands = new FilterCommands(Filters, new FilterPreview(commandOptions, Time));
        SourceCommands = new SourceCommands(Adder, Editor, Time);
        Opml = new OpmlImporter(database.Factory, Adder);
    }

    public FakeTimeProvider Time { get; } = new(Start);
    public TestDatabase Database { get; }
    public LoopbackHttpServer Site { get; }
    public FilterIndexHolder Index { get; }
    public SourceAdder Adder { get; }
    public SourceEditor Editor { get; }
    public ChatFilters Filters { get; }
    public ChatDirectory Chats { get; }
    public FilterCommands FilterCommands { get; }
    public SourceCommands SourceCommands { get; }
    public OpmlImporter Opml { get; }

    public static async Task<ApplicationWorld> StartAsync(FilterLimits? limits = null) =>
        new(await TestDatabase.CreateAsync(), await LoopbackHttpServer.StartAsync(), limits ?? FilterLimits.Default);

    public NewsBotDbContext Db() => Database.Open();

    /// <summary>Serves an RSS feed with <paramref name="items"/> items; a null title leaves the &lt;title&gt; element out.</summary>
    public string ServeFeed(string path, string? title, int items = 2)
    {
        var titleXml = title is null ? "" : $"<title>{title}</title>";
        var itemXml = string.Concat(Enumerable.Range(1, items).Select(i =>
            $"<item><guid>{path}-{i}</guid><title>Item {i}</title><link>https://example.org/{i}</link></item>"));
        Site.MapContent(path, $"""<?xml version="1.0"?><rss version="2.0"><channel>{titleXml}<link>https://example.org/</link>{itemXml}</channel></rss>""");
        return Site.Url(path).ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _fetcher.Dispose();
        await Site.DisposeAsync();
        await Database.DisposeAsync();
    }
}
