using System.Net;
using System.Text;

namespace NewsBot.IntegrationTests.Infrastructure;

/// <summary>Writes RSS 2.0 documents for a news site served on loopback, so tests can add articles over time.</summary>
public sealed class FeedBuilder
{
    private readonly List<string> _items = [];

    public FeedBuilder Add(string itemGuid, string title, string descriptionHtml, DateTimeOffset published, string? link = null) =>
        AddXmlTitle(itemGuid, WebUtility.HtmlEncode(title), descriptionHtml, published, link);

    /// <summary>The title exactly as it appears in the XML, for titles that must be escaped twice (RSS titles are HTML).</summary>
    public FeedBuilder AddXmlTitle(string itemGuid, string titleXml, string descriptionHtml, DateTimeOffset published, string? link = null)
    {
        _items.Insert(0, $"""
            <item>
              <title>{titleXml}</title>
              <link>{WebUtility.HtmlEncode(link ?? "https://news.example.org/" + itemGuid)}</link>
              <guid isPermaLink="false">{WebUtility.HtmlEncode(itemGuid)}</guid>
              <pubDate>{published.ToUniversalTime():R}</pubDate>
              <description><![CDATA[{descriptionHtml}]]></description>
            </item>
            """);
        return this;
    }

    /// <summary>The seed article from ../shared/seed: first line headline, the rest paragraphs.</summary>
    public FeedBuilder AddSeedArticle(DateTimeOffset published)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "testdata", "ceasefire-article.txt"));
        var body = string.Concat(lines.Skip(1).Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"));
        return Add("seed-ceasefire", lines[0], body, published, "https://english.almayadeen.net/news/politics/ceasefire-talks");
    }

    public string Build() => new StringBuilder()
        .Append("""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Loopback News</title><link>https://news.example.org/</link>""")
        .AppendJoin('\n', _items)
        .Append("</channel></rss>")
        .ToString();
}
