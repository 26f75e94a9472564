using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Commands;
using NewsBot.Configuration;
using NewsBot.Core.Commands;
using NewsBot.Core.Filters;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage.Entities;

namespace NewsBot.IntegrationTests.Commands;

/// <summary>
/// What one /add may cost: the preview scan looks at a bounded window of recent articles for a
/// bounded time and says how far it looked; one user may own a bounded number of filters across
/// all their chats.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CommandBoundsTests : IAsyncLifetime
{
    private const int Window = 50;
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-bounds-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;
    private TestHost _host = null!;

    private static CommandContext Private(string user) => new("telegram", user, ChatKind.Private, user, IsBotAdmin: false, IsChatAdmin: true);
    private static CommandContext GroupAdmin(string group, string user) => new("telegram", group, ChatKind.Group, user, IsBotAdmin: false, IsChatAdmin: true);

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        var settings = _site.SeedSource(pollInterval: "01:00:00");
        settings["NewsBot:Commands:PreviewMaxArticles"] = Window.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["NewsBot:Commands:MaxFiltersPerUser"] = "3";
        _host = await TestHost.StartAsync(_dbPath, settings);
        await _host.WaitForFirstFetchAsync(TimeSpan.FromSeconds(20));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private Task<CommandReply> Send(CommandContext ctx, string text) =>
        CommandRouter.RouteAsync(ctx, ChatCommandParser.Parse(text)!, _host.Services.GetRequiredService<ICommandExecutor>(), CancellationToken.None);

    /// <summary>Stores articles fetched now; the first one stored is the oldest.</summary>
    private async Task StoreArticlesAsync(IEnumerable<string> titles)
    {
        await using var db = _host.Db();
        var source = await db.Sources.FirstAsync();
        var now = DateTime.UtcNow;
        foreach (var title in titles)
            db.Articles.Add(new Article
            {
                SourceId = source.Id, IdentityHash = Guid.NewGuid().ToString("N"), Title = title,
                Text = "Filler text about the weather and markets.", FetchedAt = now,
            });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_add_preview_looks_only_at_the_most_recent_articles_and_says_how_many()
    {
        await StoreArticlesAsync(Enumerable.Range(1, Window + 20).Select(i => $"Story number {i}").Prepend("Needle found in the haystack"));

        var reply = await Send(Private("alice"), "/add needle");

        // Old code scanned up to 5,000 articles and listed the old "Needle" story.
        Assert.Contains("Added filter 1: needle", reply.Text);
        Assert.Contains($"Looked at the {Window} most recent articles (last 24 hours); none matches it yet.", reply.Text);
        Assert.DoesNotContain("Needle found", reply.Text);

        var recent = await Send(Private("alice"), "/add story");
        Assert.Contains($"Looked at 3 of the {Window} most recent articles (last 24 hours). It would have matched:", recent.Text);
        Assert.Contains($"Story number {Window + 20}", recent.Text);
    }

    [Fact]
    public async Task The_add_preview_stops_when_its_time_budget_is_spent_and_says_so()
    {
        await StoreArticlesAsync(Enumerable.Range(1, 30).Select(i => $"Story number {i}"));
        // Each reading of the clock moves it by half a second: the scan runs out of its 2 s after a few articles,
        // however fast or slow this machine is.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(500) };
        var preview = new FilterPreview(new CommandOptions { PreviewMaxArticles = Window, PreviewTimeBudget = TimeSpan.FromSeconds(2) }, clock);
        var filter = ((FilterParseResult.Success)FilterParser.Parse("nothing-matches-this")).Filter;

        await using var db = _host.Db();
        var result = await preview.ScanAsync(db, filter, 3, CancellationToken.None);

        Assert.True(result.OutOfTime);
        Assert.InRange(result.Looked, 1, 10);
        Assert.StartsWith($"Stopped after 2 s, having looked at {result.Looked} of all {result.Window} articles of the last 24 hours; none matches it yet.",
            preview.Describe(result));
    }

    [Fact]
    public async Task One_user_may_own_only_so_many_filters_across_all_their_chats()
    {
        Assert.Contains("Added filter 1", (await Send(Private("mallory"), "/add alpha")).Text);
        Assert.Contains("Added filter 2", (await Send(Private("mallory"), "/add beta")).Text);
        Assert.Contains("Added filter 1", (await Send(GroupAdmin("group-1", "mallory"), "/add gamma")).Text);

        // Old code: only the per-chat limit (50) applied, so a new chat meant 50 more filters each time.
        var refused = await Send(GroupAdmin("group-2", "mallory"), "/add delta");
        Assert.Contains("You have already added 3 filters across your chats, the most one person may have.", refused.Text);
        Assert.Contains("No filters yet", (await Send(GroupAdmin("group-2", "mallory"), "/list")).Text);

        // Another admin of the same group is not held to mallory's count; and removing frees a place.
        Assert.Contains("Added filter 1", (await Send(GroupAdmin("group-2", "trent"), "/add delta")).Text);
        await Send(Private("mallory"), "/remove 1");
        Assert.Contains("Added filter 2", (await Send(GroupAdmin("group-2", "mallory"), "/add epsilon")).Text);
        await using var db = _host.Db();
        Assert.Equal(3, await db.Filters.CountAsync(f => f.AddedBy == "telegram:mallory"));
    }
}
