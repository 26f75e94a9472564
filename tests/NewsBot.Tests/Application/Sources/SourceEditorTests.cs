using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Application.Sources;
using NewsBot.Configuration;
using NewsBot.Pipeline.Enrich;
using NewsBot.Storage.Entities;

namespace NewsBot.Tests.Application.Sources;

public sealed class SourceEditorTests : IAsyncLifetime
{
    private ApplicationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ApplicationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<Source> StoredAsync(string url, bool paused = false)
    {
        await using var db = _world.Db();
        var source = new Source
        {
            Name = "Harbour News", Url = url, Paused = paused, ETag = "\"v1\"", LastModified = "Sun, 01 Mar 2026 08:00:00 GMT",
            NextPollAt = DateTime.UnixEpoch.AddYears(60), CreatedAt = DateTime.UnixEpoch
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source;
    }

    [Fact]
    public async Task Removing_a_source_removes_its_articles_with_it()
    {
        var source = await StoredAsync("https://news.example.org/rss");
        await using (var db = _world.Db())
        {
            db.Articles.Add(new Article { SourceId = source.Id, IdentityHash = "a", Title = "Storm", Text = "", FetchedAt = DateTime.UnixEpoch });
            await db.SaveChangesAsync();
        }
        await using var edit = _world.Db();

        Assert.Equal("Harbour News", (await _world.Editor.RemoveAsync(edit, source.Id, default))!.Name);

        await using var check = _world.Db();
        Assert.False(await check.Sources.AnyAsync());
        Assert.False(await check.Articles.AnyAsync());
        Assert.Null(await _world.Editor.RemoveAsync(check, source.Id, default));
    }

    [Fact]
    public async Task Removing_a_source_stops_trusting_its_host_at_once()
    {
        var source = await StoredAsync("https://intranet.example.org/rss");
        var hosts = new SourceHosts(_world.Database.Factory, Options.Create(new SourcesOptions { AllowPrivateAddresses = true }), _world.Time);
        var editor = new SourceEditor(hosts, _world.Time);
        await hosts.RefreshAsync(default);
        Assert.True(hosts.Contains("intranet.example.org"));

        await using var db = _world.Db();
        await editor.RemoveAsync(db, source.Id, default);
        await hosts.RefreshAsync(default); // no time passed: only the removal makes it reload

        Assert.False(hosts.Contains("intranet.example.org"));
    }

    [Fact]
    public async Task A_resumed_source_is_due_now_by_the_injected_clock_and_a_paused_one_keeps_its_time()
    {
        var source = await StoredAsync("https://news.example.org/rss", paused: true);
        await using var db = _world.Db();

        var resumed = await _world.Editor.SetPausedAsync(db, source.Id, paused: false, default);
        Assert.Equal((false, ApplicationWorld.Start.UtcDateTime), (resumed!.Paused, resumed.NextPollAt));

        _world.Time.Advance(TimeSpan.FromMinutes(5));
        var paused = await _world.Editor.SetPausedAsync(db, source.Id, paused: true, default);
        Assert.Equal((true, ApplicationWorld.Start.UtcDateTime), (paused!.Paused, paused.NextPollAt));
        Assert.Null(await _world.Editor.SetPausedAsync(db, 999, paused: true, default));
    }

    [Fact]
    public async Task A_moved_source_forgets_the_old_address_validators_and_is_due_now()
    {
        var source = await StoredAsync("https://news.example.org/rss");
        await using var db = _world.Db();

        var saved = await _world.Editor.EditAsync(db, source.Id, new SourceEdit("https://NEWS.example.org/atom", "Harbour", null, false), default);

        Assert.Equal(("https://news.example.org/atom", null, null), (saved.Source!.Url, saved.Source.ETag, saved.Source.LastModified));
        Assert.Equal(("Harbour", ApplicationWorld.Start.UtcDateTime), (saved.Source.Name, saved.Source.NextPollAt));
    }

    [Fact]
    public async Task A_page_source_given_another_link_selector_forgets_its_validators_and_is_due_now()
    {
        var source = await StoredAsync("https://news.example.org/");
        await using (var setup = _world.Db())
        {
            var page = await setup.Sources.SingleAsync(s => s.Id == source.Id);
            (page.Kind, page.PageLinkSelector) = (SourceKind.Page, "h2 a");
            await setup.SaveChangesAsync();
        }
        await using var db = _world.Db();

        var saved = await _world.Editor.EditAsync(db, source.Id, new SourceEdit("https://news.example.org/", "Harbour News", null, false, "h3.headline a"), default);

        // A 304 on the old validators would keep the page read with the old selector.
        Assert.Equal(("h3.headline a", null, null), (saved.Source!.PageLinkSelector, saved.Source.ETag, saved.Source.LastModified));
        Assert.Equal(ApplicationWorld.Start.UtcDateTime, saved.Source.NextPollAt);
        Assert.Equal(SourceProblem.SelectorTooLong,
            (await _world.Editor.EditAsync(db, source.Id, new SourceEdit("https://news.example.org/", "X", null, false, new string('a', 501)), default)).Problem);
    }

    [Fact]
    public async Task A_feed_source_ignores_a_link_selector()
    {
        var source = await StoredAsync("https://news.example.org/rss");
        await using var db = _world.Db();

        var saved = await _world.Editor.EditAsync(db, source.Id, new SourceEdit("https://news.example.org/rss", "Harbour News", null, false, "h2 a"), default);

        Assert.Null(saved.Source!.PageLinkSelector);
        Assert.Equal("\"v1\"", saved.Source.ETag);
    }

    [Fact]
    public async Task An_edit_to_an_address_another_source_has_or_to_a_file_is_refused()
    {
        var source = await StoredAsync("https://news.example.org/rss");
        await StoredAsync("https://other.example.org/rss");
        await using var db = _world.Db();

        Assert.True((await _world.Editor.EditAsync(db, source.Id, new SourceEdit("https://other.example.org/rss", "X", null, false), default)).UrlTaken);
        Assert.Equal(SourceProblem.NotWeb, (await _world.Editor.EditAsync(db, source.Id, new SourceEdit("/etc/passwd", "X", null, false), default)).Problem);
        Assert.Equal(SourceProblem.IntervalTooShort,
            (await _world.Editor.EditAsync(db, source.Id, new SourceEdit("https://news.example.org/rss", "X", TimeSpan.Zero, false), default)).Problem);
        await using var check = _world.Db();
        Assert.Equal("https://news.example.org/rss", (await check.Sources.FindAsync(source.Id))!.Url);
    }
}
