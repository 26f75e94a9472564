using System.Text;
using NewsBot.Sources.Parsing;
using static NewsBot.Sources.Tests.Parsing.FeedFiles;

namespace NewsBot.Sources.Tests.Parsing;

public class NotAFeedTests
{
    [Fact]
    public void Html_page_is_reported_as_an_html_page()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse("html-page.html"));

        Assert.Equal("not a feed: the document is an HTML page", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("\uFEFF")]
    public void Empty_body_is_reported_as_empty(string body)
    {
        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(body), null, null));

        Assert.Equal("not a feed: empty body", error.Message);
    }

    [Fact]
    public void Unknown_root_element_is_named()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse("opml.xml"));

        Assert.Equal("not a feed: unknown root element <opml>", error.Message);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", "not a feed: the document is an HTML page")]
    [InlineData("<!-- banner --><html><body><p>Hi", "not a feed: the document is an HTML page")]
    [InlineData("Service Unavailable", "not a feed: the document is not XML")]
    [InlineData("[1, 2, 3]", "not a feed: the document is not XML")]
    [InlineData("{\"error\": \"not found\"}", "not a feed: the JSON document has no JSON Feed version and no items")]
    [InlineData("{\"version\": ", "not a feed: the JSON cannot be read")]
    public void Other_documents_fail_with_a_message_naming_the_cause(string body, string expectedStart)
    {
        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(body), null, null));

        Assert.StartsWith(expectedStart, error.Message);
    }
}
