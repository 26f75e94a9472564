using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Pipeline.Deliver;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>Five outlets, one story: a chat gets one alert, updated with the other sources, never repeated.</summary>
[Collection(HostCollection.Name)]
public sealed class StoryGroupingTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-story-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, FeedBuilder> _wires = new() { ["Wire A"] = new(), ["Wire B"] = new(), ["Wire C"] = new() };
    private NewsSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        foreach (var (name, feed) in _wires)
            _site.Serve(FeedPath(name), feed).Add("old-" + name, "Yesterday's weather", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddDays(-1));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private static string FeedPath(string wire) => wire.Replace(' ', '-').ToLowerInvariant() + ".xml";

    [Fact]
    public async Task Three_sources_reporting_one_story_give_one_alert_updated_with_the_others()
    {
        var settings = new Dictionary<string, string?> { ["NewsBot:Console:Filters:0"] = "ceasefire OR truce" };
        var i = 0;
        foreach (var wire in _wires.Keys)
            foreach (var (key, value) in _site.SeedSource(i++, wire, FeedPath(wire))) settings[key] = value;
        await using var host = await TestHost.StartAsync(_dbPath, settings);
        await host.WaitForFirstFetchAsync(Wait, sources: 3);

        var now = DateTimeOffset.UtcNow;
        _wires["Wire A"].Add("a1", "Israel and Hamas agree to extend Gaza ceasefire by two days, Qatar says",
            "<p>Qatar said on Monday that Israel and Hamas had agreed to extend the truce in Gaza by two more days, allowing further exchanges of hostages and prisoners.</p>", now);
        await Eventually.TrueAsync(() => host.Output.Text.Contains("🔔 Israel and Hamas agree"), Wait, "the first report is alerted");

        _wires["Wire B"].Add("b1", "Gaza ceasefire extended by two days, Qatari mediators announce",
            "<p>Mediators in Qatar announced that the ceasefire between Israel and Hamas in Gaza will be extended by two days to allow more hostage and prisoner releases.</p>", now);
        await Eventually.TrueAsync(() => host.Output.Text.Contains("also reported by Wire B"), Wait, "the second source updates the alert");

        _wires["Wire C"].Add("c1", "Qatar: Israel, Hamas agree two-day extension of Gaza truce",
            "<p>Israel and Hamas agreed to a two-day extension of the Gaza truce, Qatar's foreign ministry spokesman said on Monday.</p>", now);
        _wires["Wire C"].Add("c2", "Ceasefire collapses in eastern Ukraine as shelling resumes",
            "<p>Artillery fire resumed along the front line near Donetsk on Monday, ending a local ceasefire agreed last week.</p>", now);
        await Eventually.TrueAsync(() => host.Output.Text.Contains("also reported by Wire B, Wire C"), Wait, "the third source updates it too");
        await Eventually.TrueAsync(() => host.Output.Text.Contains("🔔 Ceasefire collapses"), Wait, "a different story with shared words gets its own alert");

        Assert.Equal(2, host.Output.Count("🔔"));
        await using var db = host.Db();
        var alerts = await db.Alerts.Include(a => a.Article).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, alerts.Count);
        Assert.Equal(["Wire B", "Wire C"], await AlsoReportedBy.LoadAsync(db, alerts[0].StoryId, alerts[0].Article!.SourceId, CancellationToken.None));
        Assert.False(alerts[0].UpdatePending);
        Assert.Equal(3, await db.Articles.CountAsync(a => a.StoryId == alerts[0].StoryId));
    }
}
