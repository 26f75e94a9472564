using NewsBot.Core.Filters;
using NewsBot.Core.SourceHealth;

namespace NewsBot.Core.Tests.SourceHealth;

public sealed class SourceReachTests
{
    private static readonly SourceIdentity Source = new(1, "Al Jazeera English", "www.aljazeera.com");

    private static Filter Parse(string text) => ((FilterParseResult.Success)FilterParser.Parse(text)).Filter;

    [Theory]
    [InlineData("ceasefire", true)]
    [InlineData("ceasefire source:\"al jazeera\"", true)]
    [InlineData("ceasefire source:ALJAZEERA.com", true)]           // folded like article matching
    [InlineData("ceasefire source:reuters", false)]
    [InlineData("ceasefire -source:jazeera", false)]
    [InlineData("ceasefire NOT source:reuters", true)]
    [InlineData("(ceasefire source:reuters) OR truce", true)]       // the second branch has no restriction
    [InlineData("(ceasefire source:reuters) OR (truce source:bbc)", false)]
    [InlineData("(ceasefire source:reuters) OR (ceasefire source:english)", true)]
    [InlineData("ceasefire -source:reuters -source:bbc", true)]
    [InlineData("ceasefire -source:reuters -source:english", false)]
    [InlineData("ceasefire -(truce source:jazeera)", true)]         // unknown whether "truce" appears
    public void A_filter_reaches_a_source_unless_its_source_terms_rule_it_out(string filter, bool reaches)
    {
        Assert.Equal(reaches, SourceReach.CanMatch(Parse(filter), Source));
    }

    [Fact]
    public void A_source_without_a_host_matches_on_its_name_only()
    {
        var file = new SourceIdentity(2, "Demo feed", null);
        Assert.True(SourceReach.CanMatch(Parse("x source:demo"), file));
        Assert.False(SourceReach.CanMatch(Parse("x source:example.com"), file));
    }
}
