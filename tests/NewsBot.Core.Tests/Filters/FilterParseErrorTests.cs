using NewsBot.Core.Filters;

namespace NewsBot.Core.Tests.Filters;

/// <summary>Every way a filter can be wrong gives one message naming the problem and its column.</summary>
public class FilterParseErrorTests
{
    [Theory]
    [InlineData("ceasefire \"two state", "unclosed quote at column 11", 11)]
    [InlineData("gaza (ceasefire OR truce", "unclosed parenthesis at column 6", 6)]
    [InlineData("gaza)", "unexpected ')' at column 5", 5)]
    [InlineData("gaza ()", "empty parentheses at column 6", 6)]
    [InlineData("gaza \"\"", "empty phrase at column 6", 6)]
    [InlineData("gaza \" ,; \"", "empty phrase at column 6", 6)]
    [InlineData("OR gaza", "OR needs a term before it at column 1", 1)]
    [InlineData("gaza OR", "OR needs a term after it at column 6", 6)]
    [InlineData("(gaza OR) truce", "OR needs a term after it at column 7", 7)]
    [InlineData("AND gaza", "AND needs a term before it at column 1", 1)]
    [InlineData("gaza AND", "AND needs a term after it at column 6", 6)]
    [InlineData("gaza NOT", "NOT must be followed by the term to exclude at column 6", 6)]
    [InlineData("gaza - football", "'-' must be directly followed by the term to exclude at column 6", 6)]
    [InlineData("-football", "the filter needs a word, phrase or pattern to look for (exclusions and source: only narrow it down) at column 1", 1)]
    [InlineData("NOT football -rugby", "the filter needs a word, phrase or pattern to look for (exclusions and source: only narrow it down) at column 1", 1)]
    [InlineData("-source:reuters", "the filter needs a word, phrase or pattern to look for (exclusions and source: only narrow it down) at column 1", 1)]
    [InlineData("gaza OR -football", "each side of OR needs a word, phrase or pattern to look for at column 9", 9)]
    [InlineData("title: gaza", "title: must be directly followed by a term, e.g. title:ceasefire at column 1", 1)]
    [InlineData("gaza source:", "source: needs a name right after the colon, e.g. source:reuters at column 6", 6)]
    [InlineData("title:(gaza source:bbc)", "source: cannot be used inside title: at column 7", 7)]
    [InlineData("gaza site:bbc.com", "unknown field 'site:' (use title:, source:, lang: or outlets:) at column 6", 6)]
    [InlineData("gaza ...", "'...' has no letters or digits to look for at column 6", 6)]
    [InlineData("gaza neg*tiation", "wildcard * is only allowed at the end of a word at column 9", 9)]
    [InlineData("gaza ne*", "wildcard needs at least 3 letters before * at column 6", 6)]
    [InlineData("gaza cease-fi*", "a wildcard works on a single word, not 'cease-fi*' at column 6", 6)]
    [InlineData("gaza /cease", "unclosed regular expression (missing the closing /) at column 6", 6)]
    [InlineData("gaza //", "empty regular expression at column 6", 6)]
    [InlineData("/(fire/", "invalid regular expression: insufficient closing parentheses at column 6", 6)]
    [InlineData("/(a)\\1/", "backreferences are not allowed in regular expressions at column 5", 5)]
    [InlineData("/(?=fire)fire/", "only ( ) and (?: ) groups are allowed in regular expressions (no lookaround, named groups or options) at column 2", 2)]
    [InlineData("/(?i)fire/", "only ( ) and (?: ) groups are allowed in regular expressions (no lookaround, named groups or options) at column 2", 2)]
    [InlineData("/(?<name>fire)/", "only ( ) and (?: ) groups are allowed in regular expressions (no lookaround, named groups or options) at column 2", 2)]
    [InlineData("   ", "the filter is empty", 1)]
    public void Mistakes_are_reported_with_their_column(string filter, string message, int column)
    {
        var error = FilterAssert.Failed(filter);
        Assert.Equal(message, error.Message);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Filter_longer_than_the_limit_is_refused()
    {
        var error = FilterAssert.Failed(new string('a', 201));
        Assert.Equal("the filter is longer than 200 characters", error.Message);
        Assert.Equal(201, error.Column);
        Assert.IsType<FilterParseResult.Success>(FilterParser.Parse(new string('a', 200)));
    }

    [Fact]
    public void Too_many_terms_are_refused_at_the_first_term_over_the_limit()
    {
        var limits = new FilterLimits { MaxTerms = 3 };
        Assert.IsType<FilterParseResult.Success>(FilterParser.Parse("a1 b2 c3", limits));
        var error = FilterAssert.Failed("a1 b2 c3 d4", limits);
        Assert.Equal("too many terms (at most 3 per filter) at column 10", error.Message);
    }

    [Fact]
    public void Regex_longer_than_the_limit_is_refused()
    {
        var limits = new FilterLimits { MaxRegexLength = 10 };
        Assert.IsType<FilterParseResult.Success>(FilterParser.Parse("/abcdefghij/", limits));
        var error = FilterAssert.Failed("gaza /abcdefghijk/", limits);
        Assert.Equal("regular expression longer than 10 characters at column 6", error.Message);
    }

    [Fact]
    public void Deep_nesting_is_refused_instead_of_overflowing_the_stack()
    {
        var error = FilterAssert.Failed(new string('(', 40) + "gaza" + new string(')', 40));
        Assert.Equal("parentheses nested too deeply at column 17", error.Message);
    }

    [Fact]
    public void Per_chat_filter_limit_defaults_to_fifty() => Assert.Equal(50, FilterLimits.Default.MaxFiltersPerChat);

    [Theory]
    [InlineData("10:30 talks")]
    [InlineData("https://example.com/x gaza")]
    [InlineData("gaza breaking:")]
    public void Colons_that_are_not_fields_are_plain_text(string filter) =>
        Assert.IsType<FilterParseResult.Success>(FilterParser.Parse(filter));
}
