using Microsoft.EntityFrameworkCore;
using NewsBot.Application.Sources;
using NewsBot.Storage.Entities;

namespace NewsBot.Tests.Application.Sources;

public sealed class SourceAdderTests : IAsyncLifetime
{
    private ApplicationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ApplicationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_readable_feed_is_stored_named_for_its_title_due_now_by_the_injected_clock()
    {
        var url = _world.ServeFeed("feed.xml", "Harbour News", items: 3);
        await using var db = _world.Db();

        var added = Assert.IsType<SourceAddResult.Added>(await _world.Adder.AddAsync(db, new SourceDraft(url), SourceOrigin.Remote, default));

        Assert.Equal(3, added.Read!.Feed.Items.Count);
        await using var check = _world.Db();
        var source = await check.Sources.SingleAsync();
        Assert.Equal(("Harbour News", url), (source.Name, source.Url));
        Assert.Equal(ApplicationWorld.Start.UtcDateTime, source.CreatedAt);
        Assert.Equal(ApplicationWorld.Start.UtcDateTime, source.NextPollAt);
        Assert.False(source.AlertOnFirstFetch); // items present now are recorded as seen
    }

    [Fact]
    public async Task A_feed_without_a_title_is_named_for_its_host()
    {
        var url = _world.ServeFeed("untitled.xml", title: null);
        await using var db = _world.Db();
        var added = Assert.IsType<SourceAddResult.Added>(await _world.Adder.AddAsync(db, new SourceDraft(url), SourceOrigin.Remote, default));
        Assert.Equal(new Uri(url).Host, added.Source.Name);
    }

    [Fact]
    public async Task The_same_feed_spelled_another_way_is_a_duplicate_of_the_stored_one()
    {
        var url = _world.ServeFeed("feed.xml", "Harbour News");
        await using var db = _world.Db();
        var first = Assert.IsType<SourceAddResult.Added>(await _world.Adder.AddAsync(db, new SourceDraft(url), SourceOrigin.Remote, default));

        var again = await _world.Adder.AddAsync(db, new SourceDraft("  " + url.Replace("http://", "HTTP://") + " "), SourceOrigin.Operator, default);

        Assert.Equal(first.Source.Id, Assert.IsType<SourceAddResult.Duplicate>(again).Existing.Id);
        Assert.Equal(1, await db.Sources.CountAsync());
    }

    [Fact]
    public async Task A_source_stored_with_the_address_as_written_is_still_found_as_a_duplicate()
    {
        await using (var db = _world.Db())
        {
            // Seeds and the CLI used to store the address as written, without the "/" a URL's spelling adds.
            db.Sources.Add(new Source { Name = "Old", Url = "https://news.example.org", CreatedAt = DateTime.UnixEpoch });
            await db.SaveChangesAsync();
        }
        await using var again = _world.Db();
        var (_, refused) = await _world.Adder.ValidateAsync(again, new SourceDraft("https://news.example.org"), SourceOrigin.Remote, default);
        Assert.Equal("Old", Assert.IsType<SourceAddResult.Duplicate>(refused).Existing.Name);
    }

    [Fact]
    public async Task A_poll_interval_under_one_second_is_refused_before_any_fetch()
    {
        var url = _world.ServeFeed("feed.xml", "Harbour News");
        await using var db = _world.Db();
        var result = await _world.Adder.AddAsync(db, new SourceDraft(url, PollInterval: TimeSpan.FromMilliseconds(500)), SourceOrigin.Operator, default);
        Assert.Equal(SourceProblem.IntervalTooShort, Assert.IsType<SourceAddResult.Invalid>(result).Problem);
        Assert.Empty(_world.Site.Requests);
    }

    [Fact]
    public async Task A_feed_that_cannot_be_read_is_reported_and_not_stored()
    {
        await using var db = _world.Db();
        var result = await _world.Adder.AddAsync(db, new SourceDraft(_world.Site.Url("missing.xml").ToString()), SourceOrigin.Remote, default);
        Assert.Contains("404", Assert.IsType<SourceAddResult.Unreadable>(result).Error);
        Assert.False(await db.Sources.AnyAsync());
    }

    [Fact]
    public async Task Adding_without_a_test_fetch_keeps_interval_and_first_fetch_choice_and_reads_nothing()
    {
        await using var db = _world.Db();
        var draft = new SourceDraft("https://offline.example.org/rss", "Offline", TimeSpan.FromMinutes(15), AlertOnFirstFetch: true);

        var added = Assert.IsType<SourceAddResult.Added>(await _world.Adder.AddUnreadAsync(db, draft, SourceOrigin.Operator, default));

        Assert.Null(added.Read);
        Assert.Equal(("Offline", TimeSpan.FromMinutes(15), true), (added.Source.Name, added.Source.PollInterval, added.Source.AlertOnFirstFetch));
        Assert.Equal(ApplicationWorld.Start.UtcDateTime, added.Source.CreatedAt);
    }
}
