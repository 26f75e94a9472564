using static NewsBot.Sources.Tests.Parsing.FeedFiles;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>An item is never titled blank while the feed gives a title somewhere: dc:title, media:title, an Atom title of any type.</summary>
public class FallbackTitleTests
{
    [Theory]
    [InlineData(0, "Only a Dublin Core title")]
    [InlineData(1, "Only a media title")]
    [InlineData(2, "Title inside media content")]
    [InlineData(3, "The RSS title wins")]
    public void Rss_item_without_a_title_uses_dc_or_media_title(int index, string expected)
    {
        Assert.Equal(expected, Parse("broken/fallback-titles.xml").Items[index].Title);
    }

    [Theory]
    [InlineData(0, "Plain by media type")]
    [InlineData(1, "An invented type")]
    [InlineData(2, "Bold & loud")]
    [InlineData(3, "An xhtml title")]
    [InlineData(4, "Html by media type")]
    [InlineData(5, "Second title after an empty one")]
    [InlineData(6, "From the media group")]
    [InlineData(7, "From Dublin Core")]
    public void Atom_title_of_any_type_gives_its_text(int index, string expected)
    {
        Assert.Equal(expected, Parse("broken/atom-text-types.xml").Items[index].Title);
    }

    [Fact]
    public void Atom_feed_title_with_an_upper_case_type_is_read()
    {
        Assert.Equal("Odd Types Weekly", Parse("broken/atom-text-types.xml").Title);
    }
}
