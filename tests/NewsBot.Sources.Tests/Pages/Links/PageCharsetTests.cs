using System.Text;
using NewsBot.Sources.Pages.Links;

namespace NewsBot.Sources.Tests.Pages.Links;

/// <summary>Pages say their encoding in a meta tag (feeds in the XML prolog); browsers' order of authority applies.</summary>
public sealed class PageCharsetTests
{
    static PageCharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Headline = "Засуха гонит стада слонов к деревням на севере страны";

    private static byte[] Page(string head, Encoding encoding) =>
        encoding.GetBytes($"<html><head>{head}<title>t</title></head><body><main><ul class=\"l\">"
            + string.Concat(Enumerable.Range(1, 3).Select(i => $"<li class=\"i\"><h3><a href=\"/2024/06/04/story-{i}\">{Headline} {i}</a></h3></li>"))
            + "</ul></main></body></html>");

    private static string FirstTitle(byte[] body, string? httpCharset = null) =>
        PageLinkList.Parse(body, new Uri("https://journal.example/"), httpCharset, "h3 a").Items[0].Title;

    [Theory]
    [InlineData("<meta charset=\"windows-1251\">")]
    [InlineData("<meta charset=cp1251>")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Windows-1251\">")]
    public void A_cyrillic_page_that_declares_its_charset_only_in_a_meta_tag_reads_right(string meta)
    {
        Assert.Equal(Headline + " 1", FirstTitle(Page(meta, Encoding.GetEncoding(1251))));
    }

    [Fact]
    public void The_http_charset_wins_over_the_meta_tag()
    {
        Assert.Equal(Headline + " 1", FirstTitle(Page("<meta charset=\"windows-1252\">", Encoding.GetEncoding(1251)), "windows-1251"));
    }

    [Fact]
    public void A_byte_order_mark_wins_over_the_meta_tag()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Page("<meta charset=\"windows-1251\">", Encoding.UTF8)).ToArray();

        Assert.Equal(Headline + " 1", FirstTitle(body));
    }

    [Fact]
    public void A_meta_tag_claiming_utf_16_on_single_byte_text_is_read_as_utf_8()
    {
        Assert.Equal(Headline + " 1", FirstTitle(Page("<meta charset=\"utf-16\">", Encoding.UTF8)));
    }
}
