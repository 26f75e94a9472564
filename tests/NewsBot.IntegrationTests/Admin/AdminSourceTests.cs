using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage.Entities;

namespace NewsBot.IntegrationTests.Admin;

/// <summary>Adding, editing and removing sources through the console's forms, against a news site on loopback.</summary>
[Collection(HostCollection.Name)]
public sealed class AdminSourceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Added_source_shows_its_items_in_the_test_fetch_then_is_polled_and_shown_healthy()
    {
        await using var site = await AdminSite.StartAsync();
        site.News.MapContent("feed.xml", new FeedBuilder()
            .Add("one", "Harbour reopens after storm", "<p>Boats return.</p>", DateTimeOffset.UtcNow.AddHours(-3))
            .Add("two", "Council approves tram & bus plan", "<p>Works start in May.</p>", DateTimeOffset.UtcNow.AddHours(-2))
            .Add("three", "Library extends opening hours", "<p>Open until nine.</p>", DateTimeOffset.UtcNow.AddHours(-1))
            .Build());
        var feed = site.News.Url("feed.xml").ToString();
        await site.SignInOkAsync();

        using var preview = await site.PostFormAsync("admin/sources/preview", "admin/sources", ("url", feed), ("name", ""), ("interval", ""));
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Test fetch found 3 items in Loopback News", previewHtml);
        Assert.Contains("Council approves tram &amp; bus plan", previewHtml); // item titles are shown, encoded
        await using (var db = site.Host.Db())
            Assert.Empty(db.Sources); // nothing is saved by the test fetch

        using var add = await site.PostFormAsync("admin/sources/add", "admin/sources", ("url", feed), ("name", "Harbour Town News"), ("interval", "10"));
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);

        await Eventually.TrueAsync(async () =>
        {
            await using var db = site.Host.Db();
            return await db.Sources.AnyAsync(s => s.LastSuccessAt != null);
        }, Wait, "the new source is polled");
        var list = await site.Client.GetStringAsync("admin/sources");
        Assert.Contains("Harbour Town News", list);
        Assert.Contains("""<td class="status-healthy">healthy</td>""", list);
        await using (var db = site.Host.Db())
        {
            var source = await db.Sources.SingleAsync();
            Assert.Equal(TimeSpan.FromMinutes(10), source.PollInterval);
            Assert.Equal(3, await db.Articles.CountAsync(a => a.SourceId == source.Id));
        }
    }

    [Fact]
    public async Task What_a_source_s_last_read_had_to_cut_and_why_it_fails_are_shown_in_the_list_and_on_its_page()
    {
        await using var site = await AdminSite.StartAsync();
        long cutId, failingId;
        await using (var db = site.Host.Db())
        {
            var later = DateTime.UtcNow.AddHours(1); // not polled during the test
            var cut = new Source
            {
                Name = "Long Titles Daily", Url = site.News.Url("cut.xml").ToString(), NextPollAt = later, CreatedAt = DateTime.UtcNow,
                LastSuccessAt = DateTime.UtcNow, LastWarning = "3 titles cut to 300 characters; 18,000 items beyond the newest 500 dropped"
            };
            var failing = new Source
            {
                Name = "Nested Forever", Url = site.News.Url("deep.xml").ToString(), NextPollAt = later, CreatedAt = DateTime.UtcNow,
                ConsecutiveFailures = 1, LastError = "feed too large/complex: parsing took longer than 20 s"
            };
            db.Sources.AddRange(cut, failing);
            await db.SaveChangesAsync();
            (cutId, failingId) = (cut.Id, failing.Id);
        }
        await site.SignInOkAsync();

        var list = await site.Client.GetStringAsync("admin/sources");
        Assert.Contains("at the last read: 3 titles cut to 300 characters; 18,000 items beyond the newest 500 dropped", list);
        Assert.Contains("feed too large/complex: parsing took longer than 20 s", list);
        Assert.Contains("at the last read: 3 titles cut", await site.Client.GetStringAsync($"admin/sources/{cutId}"));
        Assert.Contains("Last error: feed too large/complex", await site.Client.GetStringAsync($"admin/sources/{failingId}"));
    }

    [Fact]
    public async Task A_site_address_previews_the_feed_chosen_and_the_others_and_saves_that_feed()
    {
        await using var site = await AdminSite.StartAsync();
        site.News.MapContent("home", """
            <!DOCTYPE html><html><head>
            <link rel="alternate" type="application/rss+xml" title="Comments" href="/comments.xml">
            <link rel="alternate" type="application/rss+xml" title="Top stories" href="/top.xml">
            <link rel="alternate" type="application/atom+xml" title="Sport" href="/sport.xml">
            </head><body>News</body></html>
            """, "text/html");
        site.News.MapContent("comments.xml", new FeedBuilder().Add("c", "Re: tram plan", "<p>!</p>", DateTimeOffset.UtcNow).Build());
        site.News.MapContent("top.xml", new FeedBuilder().Add("t", "Harbour reopens", "<p>Boats.</p>", DateTimeOffset.UtcNow).Build());
        site.News.MapContent("sport.xml", new FeedBuilder().Add("s", "Cup final", "<p>Goal.</p>", DateTimeOffset.UtcNow).Build());
        await site.SignInOkAsync();

        using var preview = await site.PostFormAsync("admin/sources/preview", "admin/sources", ("url", site.News.Url("home").ToString()), ("kind", "feed"));
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains($"chose &#x27;Top stories&#x27; ({site.News.Url("top.xml")})", html);
        Assert.Contains($"Sport <span class=\"muted\">{site.News.Url("sport.xml")}</span>", html);
        Assert.Contains($"<input type=\"hidden\" name=\"url\" value=\"{site.News.Url("top.xml")}\">", html);

        using var add = await site.PostFormAsync("admin/sources/add", "admin/sources", ("url", site.News.Url("top.xml").ToString()), ("name", "Top"), ("kind", "feed"));
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        await using var db = site.Host.Db();
        Assert.Equal(site.News.Url("top.xml").ToString(), (await db.Sources.SingleAsync(s => s.Name == "Top")).Url);
    }

    [Fact]
    public async Task A_page_with_no_feed_is_explained_and_can_be_added_as_a_page_source_with_a_selector()
    {
        await using var site = await AdminSite.StartAsync();
        site.News.MapContent("board", """
            <!DOCTYPE html><html><body><ul class="notices"><li><a href="/n/1">Road closed</a></li><li><a href="/n/2">Bin day moved</a></li></ul></body></html>
            """, "text/html");
        var page = site.News.Url("board").ToString();
        await site.SignInOkAsync();

        using var asFeed = await site.PostFormAsync("admin/sources/preview", "admin/sources", ("url", page), ("kind", "feed"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, asFeed.StatusCode);
        var refusal = await asFeed.Content.ReadAsStringAsync();
        Assert.Contains("is a web page without a feed", refusal);
        Assert.Contains("choose &quot;Web page without a feed&quot;", refusal);

        using var asPage = await site.PostFormAsync("admin/sources/preview", "admin/sources", ("url", page), ("kind", "page"), ("links", ".notices a"));
        var previewHtml = await asPage.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, asPage.StatusCode);
        Assert.Contains("Test fetch found 2 links on the page", previewHtml);
        Assert.Contains("<li>Bin day moved</li>", previewHtml);

        using var add = await site.PostFormAsync("admin/sources/add", "admin/sources", ("url", page), ("name", "Notices"), ("kind", "page"), ("links", ".notices a"));
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        await using (var db = site.Host.Db())
        {
            var source = await db.Sources.SingleAsync(s => s.Name == "Notices");
            Assert.Equal((SourceKind.Page, ".notices a"), (source.Kind, source.PageLinkSelector));
        }
        Assert.Contains("page, links: .notices a", await site.Client.GetStringAsync("admin/sources"));
    }

    [Fact]
    public async Task Test_fetch_of_a_missing_feed_says_why_and_saves_nothing()
    {
        await using var site = await AdminSite.StartAsync();
        await site.SignInOkAsync();
        using var preview = await site.PostFormAsync("admin/sources/preview", "admin/sources", ("url", site.News.Url("gone.xml").ToString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, preview.StatusCode);
        Assert.Contains("The test fetch failed", await preview.Content.ReadAsStringAsync());

        using var file = await site.PostFormAsync("admin/sources/preview", "admin/sources", ("url", "/etc/passwd"));
        Assert.Equal(HttpStatusCode.BadRequest, file.StatusCode);
        Assert.Contains("is not an http:// or https:// URL", await file.Content.ReadAsStringAsync());
        await using var db = site.Host.Db();
        Assert.Empty(db.Sources);
    }

    [Fact]
    public async Task Editing_pauses_and_renames_a_source_and_removing_deletes_it()
    {
        await using var site = await AdminSite.StartAsync();
        long id;
        await using (var db = site.Host.Db())
        {
            var s = new Source { Name = "Old name", Url = site.News.Url("feed.xml").ToString(), Paused = true, NextPollAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow };
            db.Sources.Add(s);
            await db.SaveChangesAsync();
            id = s.Id;
        }
        await site.SignInOkAsync();
        Assert.Contains("Old name", await site.Client.GetStringAsync($"admin/sources/{id}"));

        using var bad = await site.PostFormAsync($"admin/sources/{id}", $"admin/sources/{id}", ("name", "New name"), ("url", site.News.Url("feed.xml").ToString()), ("interval", "0"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("at least one second", await bad.Content.ReadAsStringAsync());

        using var save = await site.PostFormAsync($"admin/sources/{id}", $"admin/sources/{id}",
            ("name", "New name"), ("url", site.News.Url("other.xml").ToString()), ("interval", "00:00:30"), ("paused", "on"));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        await using (var db = site.Host.Db())
        {
            var s = await db.Sources.SingleAsync();
            Assert.Equal(("New name", true, TimeSpan.FromSeconds(30)), (s.Name, s.Paused, s.PollInterval!.Value));
            Assert.EndsWith("/other.xml", s.Url);
        }
        Assert.Contains("status-paused", await site.Client.GetStringAsync("admin/sources"));

        using var remove = await site.PostFormAsync($"admin/sources/{id}/delete", $"admin/sources/{id}");
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        await using (var db = site.Host.Db())
            Assert.Empty(db.Sources);
    }
}
