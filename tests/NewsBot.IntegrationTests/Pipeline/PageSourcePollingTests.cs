using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Sources.Pages.Links;
using NewsBot.Storage.Entities;
using NewsBot.TestKit.Pages;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>
/// A web page without a feed, stored as a page source (no selector: NewsBot finds its list), polled
/// by the real host from a news site on loopback, alerting the console chat that watches "ceasefire".
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PageSourcePollingTests : IAsyncLifetime
{
    private const string PagePath = "home";
    private const string NewHeadline = "Ceasefire agreed in harbour dispute after all-night talks";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-test-{Guid.NewGuid():N}.db");
    private readonly NewsFrontPage _page = new();
    private NewsSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _page.ServeOn(_site.Server, PagePath);
        _page.Publish("ceasefire-hopes-fade-as-talks-stall", "Ceasefire hopes fade as harbour talks stall");
        _page.Publish("storm-closes-coast-road", "Storm closes the coast road for a second day");
        _page.Publish("new-ferry-timetable-announced", "New ferry timetable announced for the summer");
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private async Task<TestHost> StartWithPageSourceAsync()
    {
        var host = await TestHost.StartAsync(_dbPath, _site.ConsoleCeasefireSettings());
        await using var db = host.Db();
        db.Sources.Add(new Source
        {
            Name = "Loopback Daily", Url = _site.Url(PagePath).ToString(), Kind = SourceKind.Page, PollInterval = TimeSpan.FromSeconds(1),
            NextPollAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return host;
    }

    private static async Task<Source> PageSourceAsync(TestHost host)
    {
        await using var db = host.Db();
        return await db.Sources.AsNoTracking().SingleAsync(s => s.Kind == SourceKind.Page);
    }

    /// <summary>Waits until the page has been requested <paramref name="polls"/> more times and the last poll is recorded.</summary>
    private async Task WaitForPagePollsAsync(TestHost host, int polls)
    {
        await _site.WaitForPollsAsync(polls, Wait, PagePath);
        // The request is served before the poll stores its result; a recorded poll releases its claim.
        await Eventually.TrueAsync(async () => (await PageSourceAsync(host)).PollClaimedUntil is null, Wait, "the page's poll is recorded");
    }

    [Fact]
    public async Task The_first_poll_records_the_links_as_seen_and_a_new_headline_alerts_once_with_its_anchor_text()
    {
        await using var host = await StartWithPageSourceAsync();
        await Eventually.TrueAsync(async () => (await PageSourceAsync(host)).FirstFetchDone, Wait, "the page's links are recorded");

        _page.Publish("ceasefire-agreed-in-harbour-dispute", NewHeadline);
        await Eventually.TrueAsync(() => host.Output.Text.Contains(NewHeadline), Wait, "the new headline is alerted");
        await WaitForPagePollsAsync(host, 2);

        Assert.Equal(1, host.Output.Count(NewHeadline));
        Assert.DoesNotContain("Ceasefire hopes fade", host.Output.Text); // on the page at the first poll: seen, not news
        Assert.Contains(_site.Url("news/2026/03/01/ceasefire-agreed-in-harbour-dispute").AbsoluteUri, host.Output.Text);
        var source = await PageSourceAsync(host);
        Assert.Null(source.LastError);
        Assert.Equal(4, source.LastItemCount);
        await using var db = host.Db();
        Assert.Equal(4, await db.Articles.CountAsync(a => a.SourceId == source.Id));
    }

    [Fact]
    public async Task Reordered_links_alert_nothing_and_a_page_that_loses_its_list_shows_the_error_and_alerts_nothing()
    {
        await using var host = await StartWithPageSourceAsync();
        await Eventually.TrueAsync(async () => (await PageSourceAsync(host)).FirstFetchDone, Wait, "the page's links are recorded");
        var before = host.Output.Text;

        _page.Reverse();
        await WaitForPagePollsAsync(host, 2);
        _page.Break();
        await Eventually.TrueAsync(async () => (await PageSourceAsync(host)).LastError == PageLinkList.NoListFound, Wait, "the source's health shows the lost list");
        _page.Break(false);
        _page.Publish("ceasefire-agreed-in-harbour-dispute", NewHeadline);
        await Eventually.TrueAsync(() => host.Output.Text.Contains(NewHeadline), Wait, "the page recovers and alerts its new headline");

        Assert.Equal(before, host.Output.Text[..before.Length]);
        Assert.DoesNotContain("old favourite", host.Output.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, host.Output.Count(NewHeadline));
        await using var db = host.Db();
        Assert.Equal(1, await db.Alerts.CountAsync());
        Assert.Null((await PageSourceAsync(host)).LastError);
    }

    [Fact]
    public async Task A_page_with_validators_is_polled_with_conditional_gets_and_stays_healthy()
    {
        _page.Validators = true;
        await using var host = await StartWithPageSourceAsync();
        await Eventually.TrueAsync(async () => (await PageSourceAsync(host)).FirstFetchDone, Wait, "the page's links are recorded");

        await Eventually.TrueAsync(() => _page.NotModifiedResponses >= 2, Wait, "later polls are answered 304");

        var source = await PageSourceAsync(host);
        Assert.NotNull(source.ETag);
        Assert.NotNull(source.ContentHash);
        Assert.Null(source.LastError);
        Assert.Equal(1, _page.FullResponses);
    }

    [Fact]
    public async Task A_page_whose_whole_list_is_new_at_once_records_it_as_seen_and_says_so_instead_of_alerting_it()
    {
        await using var host = await StartWithPageSourceAsync();
        await Eventually.TrueAsync(async () => (await PageSourceAsync(host)).FirstFetchDone, Wait, "the page's links are recorded");

        _page.ReplaceStories(
            ("trending-ceasefire-explainer", "Explainer: what the ceasefire of last year changed"),
            ("trending-quiz", "Quiz of the week: how well did you follow the news"),
            ("trending-recipes", "Ten summer recipes our readers loved most"),
            ("trending-gardens", "The gardens of the coast, in pictures from the archive"),
            ("trending-history", "On this day: the harbour flood of 1953 remembered"));
        await Eventually.TrueAsync(async () => (await PageSourceAsync(host)).LastWarning?.Contains("new at once", StringComparison.Ordinal) == true,
            Wait, "the source's health says the whole list changed");
        _page.Publish("ceasefire-agreed-in-harbour-dispute", NewHeadline);
        await Eventually.TrueAsync(() => host.Output.Text.Contains(NewHeadline), Wait, "a headline added to the new list is news again");

        Assert.DoesNotContain("Explainer: what the ceasefire", host.Output.Text);
        await using var db = host.Db();
        Assert.Equal(1, await db.Alerts.CountAsync());
    }
}
