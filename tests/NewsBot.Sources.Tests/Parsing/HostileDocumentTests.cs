using System.Diagnostics;
using NewsBot.Sources.Parsing;
using NewsBot.TestKit;
using static NewsBot.Sources.Tests.Parsing.FeedFiles;

namespace NewsBot.Sources.Tests.Parsing;

public class HostileDocumentTests
{
    [Fact]
    public void Billion_laughs_entities_are_never_expanded()
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var feed = Parse("billion-laughs.xml");

        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(["&lol9;", "Still here"], feed.Items.Select(i => i.Title));
        Assert.Equal("&lol9;&lol9;&lol9;", feed.Items[0].SummaryHtml);
        Assert.DoesNotContain("lollol", feed.Items[0].SummaryHtml);
        Assert.True(allocated < 10_000_000, $"allocated {allocated:N0} bytes");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void External_file_entity_is_never_read()
    {
        var feed = Parse("external-entity-file.xml");

        Assert.Equal("XXE &xxe;", feed.Title);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Leak: &xxe;", item.Title);
        Assert.DoesNotContain("root:", item.SummaryHtml ?? "");
        Assert.DoesNotContain("root:", item.Title);
    }

    [Fact]
    public async Task External_http_entity_and_dtd_are_never_fetched()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.MapContent("secret", "TOP-SECRET-CONTENT", "text/plain");
        server.MapContent("dtd/rss.dtd", "<!ENTITY xxe \"TOP-SECRET-CONTENT\">", "application/xml-dtd");
        server.MapContent("param.dtd", "<!ENTITY xxe \"TOP-SECRET-CONTENT\">", "application/xml-dtd");
        var template = System.Text.Encoding.UTF8.GetString(Bytes("external-entity-http.xml"));
        var body = System.Text.Encoding.UTF8.GetBytes(template.Replace("{SERVER}", server.BaseUrl.AbsoluteUri));

        var feed = FeedParser.Parse(body, server.Url("feed.xml"), null);

        var item = Assert.Single(feed.Items);
        Assert.Equal("Fetch: &xxe;", item.Title);
        Assert.Empty(server.Requests);
    }
}
