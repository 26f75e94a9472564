using NewsBot.Core.Filters;
using NewsBot.Core.Filters.Language;

namespace NewsBot.Core.Tests.Filters;

/// <summary>
/// <c>outlets:N</c>: a coverage term beside the rest of the filter. It names no text (matching looks
/// at words as before) and reaches the host as <see cref="FilterMatch.MinOutlets"/>.
/// </summary>
public class CoverageTermTests
{
    private static readonly ArticleText Ceasefire = new("Ceasefire agreed in Gaza", "Talks in Cairo ended.", "Reuters World", "reuters.com");

    [Theory]
    [InlineData("ceasefire outlets:3", "ceasefire", 3)]
    [InlineData("outlets:3 ceasefire", "ceasefire", 3)]
    [InlineData("\"gaza\" AND outlets:2", "\"gaza\"", 2)]
    [InlineData("(ceasefire OR truce) Gaza OUTLETS:12", "(ceasefire OR truce) gaza", 12)]
    [InlineData("outlets:3", "", 3)]
    [InlineData("outlets:50 -football", "-football", 50)]
    [InlineData("ceasefire outlets:1", "ceasefire", 1)]
    public void The_coverage_term_is_lifted_out_of_the_text_part(string typed, string textPart, int minOutlets)
    {
        var filter = FilterAssert.Parsed(typed);
        Assert.Equal(minOutlets, filter.MinOutlets);
        Assert.Equal(textPart, NormalizedPrinter.Print(filter.Root));
        Assert.Equal(typed, filter.Text);
    }

    [Theory]
    [InlineData("ceasefire outlets:3", "ceasefire outlets:3")]
    [InlineData("outlets:3 Ceasefire", "ceasefire outlets:3")]
    [InlineData("\"gaza\" AND outlets:2", "\"gaza\" outlets:2")]
    [InlineData("Outlets:03", "outlets:3")]
    [InlineData("outlets:4 -football", "-football outlets:4")]
    [InlineData("ceasefire outlets:1", "ceasefire")]
    public void Normalized_form_keeps_the_coverage_term_last(string typed, string shown)
    {
        var filter = FilterAssert.Parsed(typed);
        Assert.Equal(shown, filter.Normalized);
        Assert.Equal(shown, FilterAssert.Parsed(shown).Normalized);
        Assert.Equal(filter.MinOutlets, FilterAssert.Parsed(shown).MinOutlets);
    }

    private const string Placement = "outlets: counts the outlets of the whole story, so it goes beside the rest of the filter, not inside parentheses, OR, NOT or title: (e.g. (ceasefire OR truce) outlets:3)";
    private const string Range = "outlets: needs a whole number from 1 to 50 right after the colon, e.g. outlets:3";

    [Theory]
    [InlineData("ceasefire outlets:0", Range, 11)]
    [InlineData("ceasefire outlets:51", Range, 11)]
    [InlineData("ceasefire outlets:100", Range, 11)]
    [InlineData("ceasefire outlets:", Range, 11)]
    [InlineData("ceasefire outlets: 3", Range, 11)]
    [InlineData("ceasefire outlets:three", Range, 11)]
    [InlineData("ceasefire outlets:-3", Range, 11)]
    [InlineData("ceasefire outlets:2.5", Range, 11)]
    [InlineData("ceasefire outlets:3 outlets:4", "outlets: may appear only once in a filter", 21)]
    [InlineData("ceasefire OR outlets:3", Placement, 14)]
    [InlineData("ceasefire outlets:3 OR truce", Placement, 11)]
    [InlineData("ceasefire -outlets:3", Placement, 12)]
    [InlineData("ceasefire NOT outlets:3", Placement, 15)]
    [InlineData("(ceasefire outlets:3) gaza", Placement, 12)]
    [InlineData("title:outlets:3 gaza", Placement, 7)]
    [InlineData("title:(gaza outlets:3)", Placement, 13)]
    [InlineData("outlets:1", "the filter needs a word, phrase or pattern to look for (exclusions and source: only narrow it down)", 1)]
    public void Misused_coverage_terms_say_what_is_allowed_and_where(string filter, string message, int column)
    {
        var error = FilterAssert.Failed(filter);
        Assert.Equal($"{message} at column {column}", error.Message);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Index_reports_the_filters_coverage_term_with_each_match()
    {
        using var index = new FilterIndex();
        index.Add(1, 10, FilterAssert.Parsed("ceasefire outlets:3"));
        index.Add(2, 20, FilterAssert.Parsed("ceasefire"));
        index.Add(3, 30, FilterAssert.Parsed("outlets:3 ceasefire"));
        index.Add(4, 40, FilterAssert.Parsed("outlets:5"));
        index.Add(5, 50, FilterAssert.Parsed("outlets:2 -ceasefire"));

        var matches = index.Match(Ceasefire).OrderBy(m => m.FilterId).ToList();

        Assert.Equal([(1L, 3), (2L, 1), (3L, 3), (4L, 5)], matches.Select(m => (m.FilterId, m.MinOutlets)));
        Assert.Equal(["ceasefire"], matches[0].MatchedTerms);
        Assert.Empty(matches[3].MatchedTerms);
    }

    [Theory]
    [InlineData("ceasefire outlets:3", true)]
    [InlineData("outlets:3", true)]
    [InlineData("outlets:3 -ceasefire", false)]
    [InlineData("outlets:3 source:reuters", true)]
    [InlineData("outlets:3 source:bbc", false)]
    [InlineData("football outlets:3", false)]
    public void The_text_part_alone_decides_whether_an_article_matches(string filter, bool matches) =>
        Assert.Equal(matches, FilterAssert.Match(filter, Ceasefire) is not null);
}
