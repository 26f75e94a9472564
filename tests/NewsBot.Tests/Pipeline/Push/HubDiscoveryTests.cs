using System.Text;
using NewsBot.Pipeline.Push;
using NewsBot.Sources.Fetching;

namespace NewsBot.Tests.Pipeline.Push;

/// <summary>WebSub 4: a feed names its hub and its own address (the topic) in Link headers or in its head.</summary>
public sealed class HubDiscoveryTests
{
    private static readonly Uri Fetched = new("https://news.example.org/feed.xml");

    private static HubLink? Find(string body, params string[] links) =>
        HubLink.Find(new FetchResult.Fetched(Encoding.UTF8.GetBytes(body), "application/xml", null, Fetched, false, null, null, null) { Links = links });

    [Fact]
    public void Link_headers_name_the_hub_and_the_topic()
    {
        var link = Find("<rss version=\"2.0\"><channel><title>t</title></channel></rss>",
            "<https://hub.example.com/>; rel=\"hub\", <https://news.example.org/canonical.xml>; rel=\"self\"");
        Assert.Equal(new Uri("https://hub.example.com/"), link!.Hub);
        Assert.Equal(new Uri("https://news.example.org/canonical.xml"), link.Topic);
    }

    [Fact]
    public void Link_header_rel_may_be_one_of_several_and_unquoted_and_a_url_may_hold_commas()
    {
        var link = Find("<rss/>", "<https://other.example/x,y>; rel=\"alternate\", <https://hub.example.com/a,b>; rel=\"self hub\"");
        Assert.Equal(new Uri("https://hub.example.com/a,b"), link!.Hub);
        Assert.Equal(new Uri("https://hub.example.com/a,b"), link.Topic);
        Assert.Equal(new Uri("https://hub.example.com/"), Find("<rss/>", "<https://hub.example.com/>; rel=hub")!.Hub);
    }

    [Fact]
    public void Rss_channel_atom_links_name_the_hub_and_the_topic()
    {
        var link = Find("""
            <?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
            <title>News</title><link>https://news.example.org/</link>
            <atom:link rel="hub" href="https://pubsubhubbub.appspot.com/"/>
            <atom:link rel="self" type="application/rss+xml" href="https://news.example.org/rss"/>
            <item><title>One</title></item></channel></rss>
            """);
        Assert.Equal(new Uri("https://pubsubhubbub.appspot.com/"), link!.Hub);
        Assert.Equal(new Uri("https://news.example.org/rss"), link.Topic);
    }

    [Fact]
    public void Atom_feed_links_name_the_hub_relative_ones_resolved_and_the_topic_falls_back_to_the_fetched_address()
    {
        var link = Find("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
            <link rel="alternate" href="https://news.example.org/"/><link rel="hub" href="/hub"/>
            <entry><title>One</title></entry></feed>
            """);
        Assert.Equal(new Uri("https://news.example.org/hub"), link!.Hub);
        Assert.Equal(Fetched, link.Topic);
    }

    [Fact]
    public void Json_feed_hubs_name_the_hub_and_feed_url_the_topic()
    {
        var link = Find("""
            {"version":"https://jsonfeed.org/version/1.1","title":"News","items":[{"id":"1","content_text":"x"}],
             "feed_url":"https://news.example.org/feed.json","hubs":[{"type":"rssCloud","url":"https://cloud.example/"},{"type":"WebSub","url":"https://hub.example.com/"}]}
            """);
        Assert.Equal(new Uri("https://hub.example.com/"), link!.Hub);
        Assert.Equal(new Uri("https://news.example.org/feed.json"), link.Topic);
    }

    [Fact]
    public void A_hub_link_inside_an_item_is_not_the_feeds_and_a_feed_without_one_has_none()
    {
        Assert.Null(Find("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
            <entry><title>One</title><link rel="hub" href="https://hub.example.com/"/></entry></feed>
            """));
        Assert.Null(Find("<rss version=\"2.0\"><channel><title>t</title><item><title>a</title></item></channel></rss>"));
    }

    [Fact]
    public void Broken_markup_after_the_head_keeps_the_links_found_and_a_non_web_hub_is_refused()
    {
        Assert.NotNull(Find("<feed xmlns=\"http://www.w3.org/2005/Atom\"><link rel=\"hub\" href=\"https://hub.example.com/\"/><title>x</wrong>"));
        Assert.Null(Find("<feed xmlns=\"http://www.w3.org/2005/Atom\"><link rel=\"hub\" href=\"file:///etc/passwd\"/></feed>"));
        Assert.Null(Find("<rss/>", "<ftp://hub.example.com/>; rel=\"hub\""));
    }

    [Fact]
    public void A_huge_head_is_read_only_to_a_bound()
    {
        var filler = string.Concat(Enumerable.Repeat("<category>x</category>", 50_000));
        Assert.Null(Find($"<rss version=\"2.0\"><channel>{filler}<atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" rel=\"hub\" href=\"https://hub.example.com/\"/></channel></rss>"));
    }
}
