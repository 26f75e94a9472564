using System.Text;
using NewsBot.Sources.Pages.Links;
using static NewsBot.Sources.Tests.Parsing.FeedFiles;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>
/// What a feed, an item or a page says its language is, as an ISO 639-1 code: "en-US", "EN_gb" and
/// "ar-SY" are en, en and ar; a tag that is no language is no language (detection decides then).
/// </summary>
public class DeclaredLanguageTests
{
    [Fact]
    public void Rss_channel_language_is_the_feeds_and_an_items_own_wins_for_it()
    {
        var feed = Parse("language/rss-language.xml");
        Assert.Equal("ar", feed.Language);
        Assert.Equal([null, "en", "fr", null], feed.Items.Select(i => i.Language));
    }

    [Fact]
    public void Rss_channel_dublin_core_language_is_the_feeds() =>
        Assert.Equal("es", Parse("language/rss-dc-language.xml").Language);

    [Fact]
    public void Feed_that_declares_nothing_has_no_language()
    {
        var feed = Parse("language/rss-without-language.xml");
        Assert.Null(feed.Language);
        Assert.Null(feed.Items[0].Language);
    }

    [Fact]
    public void Rdf_channel_and_item_dublin_core_language_are_read()
    {
        var feed = Parse("language/rdf-language.xml");
        Assert.Equal("de", feed.Language);
        Assert.Equal([null, "en"], feed.Items.Select(i => i.Language));
    }

    [Fact]
    public void Atom_xml_lang_nearest_to_the_text_wins()
    {
        var feed = Parse("language/atom-xml-lang.xml");
        Assert.Equal("fr", feed.Language);
        Assert.Equal([null, "ar", "en"], feed.Items.Select(i => i.Language));
    }

    [Fact]
    public void Json_feed_language_of_feed_and_item_are_read()
    {
        var feed = Parse("language/json-language.json");
        Assert.Equal("pt", feed.Language);
        Assert.Equal([null, "es"], feed.Items.Select(i => i.Language));
    }

    [Theory]
    [InlineData("<html lang=\"ar-EG\">", "ar")]
    [InlineData("<html LANG=\"EN\">", "en")]
    [InlineData("<html lang=\"{{locale}}\">", null)]
    [InlineData("<html>", null)]
    public void Page_source_takes_the_pages_html_lang(string htmlTag, string? language)
    {
        var html = htmlTag + "<body><h3><a href=\"/a/1\">First headline here</a></h3><h3><a href=\"/a/2\">Second headline here</a></h3></body></html>";
        Assert.Equal(language, PageLinkList.Parse(Encoding.UTF8.GetBytes(html), new Uri("https://site.example/"), null, "h3 a").Language);
    }
}
