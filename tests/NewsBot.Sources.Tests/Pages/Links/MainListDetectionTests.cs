using System.Text;
using NewsBot.Sources.Pages.Links;
using NewsBot.Sources.Parsing;
using Xunit.Abstractions;

namespace NewsBot.Sources.Tests.Pages.Links;

/// <summary>Detection of a page's main list of article links, without a selector, on home pages of the shapes real news sites have.</summary>
public sealed class MainListDetectionTests(ITestOutputHelper output)
{
    public static TheoryData<string> Fixtures() => new(LinkFixture.Names());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Detection_finds_every_headline_of_the_main_list_and_nothing_else(string name)
    {
        var fixture = LinkFixture.Load(name);

        var feed = fixture.Detect();

        var (hits, found, expected) = fixture.Score(feed);
        output.WriteLine($"{name}: {hits} of {expected} expected headlines found, {found} links in all");
        foreach (var item in feed.Items) output.WriteLine($"  {item.Link} | {item.Title}");
        Assert.Equal(fixture.Expected.Select(e => e.Url), feed.Items.Select(i => i.Link!));
        Assert.Equal(fixture.Expected.Select(e => e.Title), feed.Items.Select(i => i.Title));
    }

    [Fact]
    public void Every_fixture_together_scores_full_precision_and_recall()
    {
        int hits = 0, found = 0, expected = 0;
        foreach (var name in LinkFixture.Names())
        {
            var fixture = LinkFixture.Load(name);
            var score = fixture.Score(fixture.Detect());
            hits += score.Hits;
            found += score.Found;
            expected += score.Expected;
        }
        output.WriteLine($"precision {hits}/{found}, recall {hits}/{expected}");
        Assert.Equal(expected, hits);
        Assert.Equal(found, hits);
    }

    [Fact]
    public void Items_are_undated_in_page_order_with_the_address_as_id_and_format_html_page()
    {
        var feed = LinkFixture.Load("list-with-sidebar").Detect();

        Assert.Equal(FeedFormat.HtmlPage, feed.Format);
        Assert.Equal("Latest news - Valley Courier", feed.Title);
        Assert.All(feed.Items, i => Assert.Null(i.Published));
        Assert.All(feed.Items, i => Assert.Equal(i.Link, i.Id));
        Assert.Equal("https://www.valleycourier.example/news/article.aspx?id=238811", feed.Items[0].Link);
    }

    [Fact]
    public void A_teaser_next_to_the_headline_becomes_the_summary()
    {
        var feed = LinkFixture.Load("wordpress-home").Detect();

        Assert.Contains("Councillors voted 14 to 9 to fund the long-delayed terminal", feed.Items[0].SummaryHtml);
        Assert.Contains("diesel prices have doubled", feed.Items[1].SummaryHtml);
    }

    [Fact]
    public void A_page_whose_windows_1256_charset_is_declared_only_in_a_meta_tag_gives_arabic_headlines()
    {
        var feed = LinkFixture.Load("arabic-rtl").Detect();

        Assert.Equal("مجلس الوزراء يقر الموازنة العامة للعام المقبل بعد جلسة مطولة", feed.Items[0].Title);
        Assert.Equal("الشرق اليوم - الصفحة الرئيسية", feed.Title);
    }

    [Fact]
    public void An_image_link_without_text_is_titled_by_its_alt_text()
    {
        var html = "<html><body><main><ul class=\"gallery\">"
            + string.Concat(Enumerable.Range(1, 4).Select(i =>
                $"<li class=\"photo\"><a href=\"/photos/2024/06/04/gallery-{i}-storm-damage-across-the-coast\"><img src=\"/p{i}.jpg\" alt=\"Storm damage across the coast, picture {i}\"></a></li>"))
            + "</ul></main></body></html>";

        var feed = PageLinkList.Parse(Encoding.UTF8.GetBytes(html), new Uri("https://coast.example/photos/"), null, null);

        Assert.Equal("Storm damage across the coast, picture 1", feed.Items[0].Title);
        Assert.Equal(4, feed.Items.Count);
    }

    [Theory]
    [InlineData("<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The page you requested could not be found.</p><a href=\"/\">Go back to the home page</a></body></html>")]
    [InlineData("<html><body><nav><a href=\"/2024/06/04/one-story-in-a-menu\">One story in a menu only</a><a href=\"/2024/06/04/another-story-in-a-menu\">Another story in the menu</a><a href=\"/2024/06/04/third-story-in-a-menu\">A third story in the menu</a></nav><p>Welcome.</p></body></html>")]
    [InlineData("<html><body><main><a href=\"https://elsewhere.example/2024/06/04/a-story-on-another-site\">A story on another site entirely</a><a href=\"https://elsewhere.example/2024/06/04/b-story-on-another-site\">B story on another site entirely</a><a href=\"https://elsewhere.example/2024/06/04/c-story-on-another-site\">C story on another site entirely</a></main></body></html>")]
    [InlineData("")]
    public void A_page_without_a_list_of_article_links_asks_for_a_selector(string html)
    {
        var e = Assert.Throws<FeedFormatException>(() => PageLinkList.Parse(Encoding.UTF8.GetBytes(html), new Uri("https://site.example/news/"), null, null));

        Assert.Equal("page links: no list of article links found on the page; give a CSS selector for its headlines", e.Message);
    }

    [Fact]
    public void Tag_author_login_share_mailto_and_javascript_links_are_never_items()
    {
        var links = new[]
        {
            "/tag/economy-and-markets-news", "/category/world-news-today", "/author/jane-doe-reporter", "/login?next=/2024/06/04/x",
            "/2024/06/04/real-story-about-the-economy?share=facebook", "mailto:desk@site.example", "javascript:void(0)", "#top-of-the-page",
        };
        var html = "<html><body><main><ul class=\"list\">"
            + string.Concat(links.Select(l => $"<li class=\"row\"><a href=\"{l}\">A headline long enough to count here</a></li>"))
            + string.Concat(Enumerable.Range(1, 3).Select(i => $"<li class=\"row\"><a href=\"/2024/06/04/story-number-{i}\">Story number {i} about the economy</a></li>"))
            + "</ul></main></body></html>";

        var feed = PageLinkList.Parse(Encoding.UTF8.GetBytes(html), new Uri("https://site.example/"), null, null);

        Assert.Equal(["https://site.example/2024/06/04/story-number-1", "https://site.example/2024/06/04/story-number-2", "https://site.example/2024/06/04/story-number-3"],
            feed.Items.Select(i => i.Link!));
    }

    [Fact]
    public void The_same_story_linked_twice_with_another_fragment_is_one_item()
    {
        var html = "<html><body><main><div class=\"feed\">"
            + string.Concat(Enumerable.Range(1, 3).Select(i => $"<h2 class=\"t\"><a href=\"/2024/06/04/story-{i}#top\">Story {i} of the morning news</a></h2>"))
            + "<h2 class=\"t\"><a href=\"/2024/06/04/story-1#comments\">Story 1 of the morning news</a></h2></div></main></body></html>";

        var feed = PageLinkList.Parse(Encoding.UTF8.GetBytes(html), new Uri("https://site.example/"), null, null);

        Assert.Equal(3, feed.Items.Count);
        Assert.Equal("https://site.example/2024/06/04/story-1", feed.Items[0].Link);
    }
}
