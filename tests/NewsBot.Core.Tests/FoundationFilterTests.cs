using NewsBot.Core.Filters;

namespace NewsBot.Core.Tests;

public class FoundationFilterTests
{
    [Theory]
    [InlineData("ceasefire", "Progress in ceasefire talks", true)]
    [InlineData("ceasefire", "Football results", false)]
    [InlineData("\"ceasefire talks\"", "Progress in Ceasefire Talks today", true)]
    public void Word_and_phrase_filters_match_whole_words(string filterText, string title, bool expected)
    {
        var filter = Assert.IsType<FilterParseResult.Success>(FilterParser.Parse(filterText)).Filter;
        var index = new FilterIndex();
        index.Add(1, 10, filter);
        Assert.Equal(expected, index.Match(new ArticleText(title, "", "Demo", null)).Count == 1);
    }
}
