using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage.Entities;

namespace NewsBot.IntegrationTests.Admin;

/// <summary>OPML import (with its summary) and export, through the console.</summary>
[Collection(HostCollection.Name)]
public sealed class AdminOpmlTests
{
    /// <summary>testdata/admin/subscriptions.opml with the loopback site's address filled in.</summary>
    internal static string Subscriptions(Uri site) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "admin", "subscriptions.opml")).Replace("{site}", site.ToString().TrimEnd('/'));

    internal static async Task SeedExistingAsync(AdminSite site)
    {
        site.News.MapContent("world.xml", new FeedBuilder().Add("w1", "World item", "<p>w</p>", DateTimeOffset.UtcNow).Build());
        site.News.MapContent("city.xml", new FeedBuilder().Add("c1", "City item", "<p>c</p>", DateTimeOffset.UtcNow).Build());
        site.News.Map("broken.xml", ctx => ctx.Response.WriteAsync("this is not a feed"));
        await using var db = site.Host.Db();
        db.Sources.Add(new Source { Name = "Already here", Url = site.News.Url("world.xml").ToString(), NextPollAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Import_adds_new_feeds_skips_known_ones_and_names_the_reason_for_each_failure()
    {
        await using var site = await AdminSite.StartAsync();
        await SeedExistingAsync(site);
        await site.SignInOkAsync();

        var token = await site.TokenFromAsync("admin/opml");
        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Subscriptions(site.News.BaseUrl)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/x-opml");
        upload.Add(file, "file", "subscriptions.opml");
        upload.Add(new StringContent(token), "__RequestVerificationToken");
        using var response = await site.Client.PostAsync("admin/opml/import", upload);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Added 1, skipped 2 (duplicates), failed 3.", html);
        Assert.Contains("City Desk", html);
        Assert.Contains("listed earlier in this file", html);
        Assert.Contains("already a source", html);
        Assert.Contains("404", html);              // the missing feed's reason
        Assert.Contains("not an http:// or https:// URL", html);
        await using var db = site.Host.Db();
        var names = await db.Sources.OrderBy(s => s.Name).Select(s => s.Name).ToListAsync();
        Assert.Equal(["Already here", "City Desk"], names);
    }

    [Fact]
    public async Task Import_of_a_file_that_is_not_opml_says_so()
    {
        await using var site = await AdminSite.StartAsync();
        await site.SignInOkAsync();
        var token = await site.TokenFromAsync("admin/opml");
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent("<html><body>hi</body></html>"u8.ToArray()), "file", "page.html" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        using var response = await site.Client.PostAsync("admin/opml/import", upload);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not OPML", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_is_an_opml_2_document_listing_every_source()
    {
        await using var site = await AdminSite.StartAsync();
        await using (var db = site.Host.Db())
        {
            db.Sources.Add(new Source { Name = "Ampersand & Co", Url = "https://example.org/a.xml?x=1&y=2", Paused = true, NextPollAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow });
            db.Sources.Add(new Source { Name = "Bee News", Url = "https://example.org/b.xml", Paused = true, NextPollAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        await site.SignInOkAsync();
        using var response = await site.Client.GetAsync("admin/opml/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/x-opml", response.Content.Headers.ContentType!.MediaType);

        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("opml", doc.Root!.Name.LocalName);
        Assert.Equal("2.0", (string?)doc.Root.Attribute("version"));
        Assert.NotNull(doc.Root.Element("head")?.Element("title"));
        Assert.True(DateTimeOffset.TryParse((string?)doc.Root.Element("head")!.Element("dateCreated"), out _));
        var outlines = doc.Root.Element("body")!.Elements("outline")
            .Select(o => ((string?)o.Attribute("text"), (string?)o.Attribute("xmlUrl"), (string?)o.Attribute("type"))).ToList();
        Assert.Equal([("Ampersand & Co", "https://example.org/a.xml?x=1&y=2", "rss"), ("Bee News", "https://example.org/b.xml", "rss")], outlines);
    }
}
