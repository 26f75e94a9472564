using System.Text;
using NewsBot.Sources.Pages.Links;
using NewsBot.Sources.Parsing;

namespace NewsBot.Sources.Tests.Pages.Links;

/// <summary>A page source with a CSS selector for its headlines: the operator's choice, read as given.</summary>
public sealed class SelectedLinksTests
{
    private static readonly Uri PageUrl = new("https://www.meridian.example/");

    private static ParsedFeed Parse(string html, string selector) => PageLinkList.Parse(Encoding.UTF8.GetBytes(html), PageUrl, null, selector);

    private static ParsedFeed ParseFixture(string selector)
    {
        var fixture = LinkFixture.Load("card-grid");
        return PageLinkList.Parse(fixture.Body, fixture.PageUrl, null, selector);
    }

    [Fact]
    public void A_selector_for_the_headline_elements_gives_their_links_in_page_order()
    {
        var feed = ParseFixture("h3.card__headline");

        Assert.Equal(9, feed.Items.Count);
        Assert.Equal("Wildfires force evacuations on two Greek islands", feed.Items[0].Title);
        Assert.Equal("https://www.meridian.example/world/2024/06/04/wildfires-force-evacuations-in-greece", feed.Items[0].Link);
    }

    [Fact]
    public void A_selector_for_the_links_themselves_works_as_well()
    {
        var feed = ParseFixture(".opinion-list__item > a");

        Assert.Equal(["Ana Ruiz: The coalition maths does not add up", "Ben Okafor: Cities must plan for heat, not just floods"], feed.Items.Select(i => i.Title));
    }

    [Fact]
    public void A_selector_for_a_heading_inside_a_card_wide_link_takes_the_link_around_it()
    {
        var feed = Parse("<div class=\"row\"><a href=\"/a/1\"><img src=\"x.jpg\"><h4 class=\"t\">First story of the day</h4><p>Its teaser, long enough to be one.</p></a></div>", "h4.t");

        Assert.Equal("https://www.meridian.example/a/1", feed.Items.Single().Link);
        Assert.Equal("First story of the day", feed.Items[0].Title);
    }

    [Fact]
    public void Invalid_css_is_reported_with_the_selector()
    {
        var e = Assert.Throws<FeedFormatException>(() => ParseFixture("h3[[card"));

        Assert.StartsWith("page links: the selector 'h3[[card' is not valid CSS", e.Message);
    }

    [Fact]
    public void A_selector_that_matches_no_links_says_so()
    {
        var e = Assert.Throws<FeedFormatException>(() => ParseFixture("h5.nothing-here"));

        Assert.Equal("page links: the selector 'h5.nothing-here' matches no links on the page", e.Message);
    }

    [Fact]
    public void A_headline_longer_than_the_title_cap_is_cut_and_the_cut_is_reported()
    {
        var feed = Parse($"<h3><a href=\"/a/1\">{new string('x', 20)} {string.Join(' ', Enumerable.Repeat("word", 200))}</a></h3>", "h3");

        Assert.Equal(FeedLimits.MaxTitleChars, feed.Items[0].Title.Length);
        Assert.Contains("1 title cut to 500 characters", feed.Truncations);
    }
}
