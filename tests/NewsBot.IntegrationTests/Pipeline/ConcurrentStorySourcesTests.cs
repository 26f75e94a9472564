using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Pipeline.Deliver;
using NewsBot.Storage.Entities;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>
/// Many outlets report one story and are read at the same moment (issue 16: 25 to 46 of ~318 names
/// never reached their alert when each poll read the alert's list, extended it and wrote it back).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ConcurrentStorySourcesTests : IAsyncLifetime
{
    private const int Outlets = 40;
    private const long Alice = 42;
    private const string Headline = "Israel and Hamas agree to extend Gaza ceasefire by two days, Qatar says";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-many-{Guid.NewGuid():N}.db");
    private readonly List<FeedBuilder> _feeds = [];
    private NewsSite _site = null!;
    private FakeBotApiServer _telegram = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        for (var i = 0; i < Outlets; i++)
            _feeds.Add(_site.Serve(FeedPath(i), new FeedBuilder()).Add($"old-{i}", "Yesterday's weather", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddDays(-1)));
        _telegram = await FakeBotApiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private static string FeedPath(int i) => $"outlet-{i}.xml";

    private static string OutletName(int i) => $"Outlet {i:D2}";

    [Fact]
    public async Task Every_outlet_read_at_once_is_named_on_the_one_alert_in_the_database_and_in_the_message()
    {
        var settings = new Dictionary<string, string?>
        {
            ["NewsBot:Telegram:BotToken"] = _telegram.Token,
            ["NewsBot:Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["NewsBot:Telegram:PollTimeoutSeconds"] = "1",
            ["NewsBot:Sources:MaxConcurrentPerHost"] = Outlets.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < Outlets; i++)
            foreach (var (key, value) in _site.SeedSource(i, OutletName(i), FeedPath(i))) settings[key] = value;
        await using var host = await TestHost.StartAsync(_dbPath, settings);
        await host.WaitForFirstFetchAsync(Wait, sources: Outlets);
        var before = _telegram.SentMessages.Count(m => m.ChatId == Alice);
        _telegram.PushUpdate(FakeUpdates.Text(Alice, Alice, "/add ceasefire"));
        await _telegram.WaitUntilAsync(t => t.SentMessages.Count(m => m.ChatId == Alice) > before, Wait);

        // Every outlet publishes the story between two polls, so the next polls all record it at once.
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Outlets; i++)
            _feeds[i].Add($"story-{i}", Headline,
                "<p>Qatar said on Monday that Israel and Hamas had agreed to extend the truce in Gaza by two more days, allowing further exchanges of hostages and prisoners.</p>", now);

        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Articles.CountAsync(a => a.Title == Headline) == Outlets;
        }, Wait, "every outlet's report is stored");
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return !await db.Alerts.AnyAsync(a => a.Status == AlertStatus.Pending || a.UpdatePending);
        }, Wait, "the alert is sent and up to date");

        var message = Assert.Single(_telegram.SentMessages, m => m.ChatId == Alice && m.Text.Contains(Headline, StringComparison.Ordinal));
        await using var check = host.Db();
        var alert = await check.Alerts.Include(a => a.Article).ThenInclude(a => a!.Source).SingleAsync();
        var also = await AlsoReportedBy.LoadAsync(check, alert.StoryId, alert.Article!.SourceId, CancellationToken.None);
        var others = Enumerable.Range(0, Outlets).Select(OutletName).Where(n => n != alert.Article!.Source!.Name).ToList();
        Assert.Equal(others, also.Order(StringComparer.Ordinal));
        // Telegram shows ten names, those an earlier version of the message showed first, and counts the rest.
        var shown = AlsoReportedBy.ShownFirst(also, alert.ShownAlso);
        Assert.Contains("also: " + string.Join(", ", shown.Take(10)) + $" +{others.Count - 10} more", message.Text, StringComparison.Ordinal);

        // No later edit drops a name an earlier version of the message showed.
        var versions = _telegram.Calls.Where(c => c.Method is "sendMessage" or "editMessageText" && c.Text("text") is { } text && text.Contains(Headline, StringComparison.Ordinal))
            .Select(c => Named(c.Text("text")!)).ToList();
        Assert.True(versions.Count >= 1);
        for (var i = 1; i < versions.Count; i++)
        {
            Assert.True(versions[i].Total >= versions[i - 1].Total, $"version {i} names {versions[i].Total} sources, the one before {versions[i - 1].Total}");
            Assert.Superset(versions[i - 1].Shown.Take(Math.Min(versions[i - 1].Shown.Count, versions[i].Shown.Count)).ToHashSet(), versions[i].Shown.ToHashSet());
        }
        Assert.Equal(others.Count, versions[^1].Total);
    }

    /// <summary>The names a message shows after "also:" and how many it names with "+N more".</summary>
    private static (IReadOnlyList<string> Shown, int Total) Named(string text)
    {
        var at = text.IndexOf("also: ", StringComparison.Ordinal);
        if (at < 0) return ([], 0);
        var tail = text[at..];
        var shown = Regex.Matches(tail, @"Outlet \d\d").Select(m => m.Value).ToList();
        var more = Regex.Match(tail, @"\+(\d+) more");
        return (shown, shown.Count + (more.Success ? int.Parse(more.Groups[1].Value, CultureInfo.InvariantCulture) : 0));
    }
}
