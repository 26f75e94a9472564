using NewsBot.Core.Summaries;
using NewsBot.Sources.Pages;

namespace NewsBot.Sources.Tests.Pages;

public sealed class ArticlePageTextTests
{
    // .invalid never resolves (RFC 2606): a test that tried to fetch would fail.
    private static readonly Uri PageUrl = new("https://news.invalid/world/japan-quake-2024-01-24");

    private static string Page(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "pages", file));

    [Fact]
    public void An_article_page_gives_its_paragraphs_without_navigation_share_bars_or_footer()
    {
        var result = ArticlePageText.Extract(Page("quake-article.html"), PageUrl);

        Assert.True(result.Succeeded, result.Error);
        var text = result.Page!.Text;
        Assert.StartsWith("A magnitude 7.1 earthquake struck off the coast of southern Japan", text.Split('\n').First(l => l.StartsWith("A magnitude", StringComparison.Ordinal)));
        Assert.Contains("aftershocks of similar strength", text);
        Assert.DoesNotContain("Subscribe to our newsletter", text);
        Assert.DoesNotContain("All rights reserved", text);
        Assert.DoesNotContain("Heatwave grips southern Europe", text);
        Assert.DoesNotContain("Share on Facebook", text);
        Assert.DoesNotContain("dataLayer", text);
        Assert.Contains("Magnitude 7.1 earthquake strikes off southern Japan", result.Page.Title);
    }

    [Fact]
    public void Page_text_summarizes_to_the_lead_fact()
    {
        var page = ArticlePageText.Extract(Page("quake-article.html"), PageUrl).Page!;

        var summary = ExtractiveSummarizer.Summarize(page.Title, page.Text, ["tsunami"]);

        Assert.StartsWith("A magnitude 7.1 earthquake struck off the coast of southern Japan on Thursday", summary);
        Assert.True(summary.Length <= 300);
        Assert.DoesNotContain("Read more", summary);
    }

    [Fact]
    public void A_login_wall_is_reported_as_no_article_text()
    {
        var result = ArticlePageText.Extract(Page("login-wall.html"), PageUrl);

        Assert.False(result.Succeeded);
        Assert.Equal($"page text '{PageUrl}': no article text found (the page may need JavaScript or a login)", result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void An_empty_page_is_reported_not_thrown(string html)
    {
        var result = ArticlePageText.Extract(html, PageUrl);

        Assert.Equal($"page text '{PageUrl}': the page is empty", result.Error);
    }

    [Theory]
    [InlineData("<html><body><p>Unclosed <b>tags <i>everywhere<div><p>")]
    [InlineData("\u0000\u0001\u0002 binary \uFFFD\uFFFD <<<>>> &&&;")]
    [InlineData("<p>Just one short teaser line.</p>")]
    public void Broken_or_tiny_pages_give_an_error_not_an_exception(string html)
    {
        var result = ArticlePageText.Extract(html, PageUrl);

        Assert.False(result.Succeeded);
        Assert.StartsWith($"page text '{PageUrl}': ", result.Error);
    }
}
