using NewsBot.Core.Filters;

namespace NewsBot.Core.Tests.Filters;

/// <summary>
/// Input must never decide how deep the parser recurses: deeply nested or repeated operators give a
/// parse error, not a stack overflow (which no catch can stop and which would kill the process).
/// The length cap would stop these first; the tests lift it to prove the grammar holds on its own.
/// </summary>
public class FilterNestingTests
{
    private static readonly FilterLimits NoLengthCap = FilterLimits.Default with { MaxLength = int.MaxValue, MaxTerms = int.MaxValue };

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "parentheses", new string('(', 100_000) + "x" + new string(')', 100_000), "parentheses nested too deeply" },
        { "unclosed parentheses", new string('(', 100_000) + "x", "parentheses nested too deeply" },
        { "minus signs", new string('-', 100_000) + "x", "too many '-' or NOT in a row" },
        { "NOTs", string.Concat(Enumerable.Repeat("NOT ", 50_000)) + "x", "too many '-' or NOT in a row" },
        { "title:", string.Concat(Enumerable.Repeat("title:", 50_000)) + "x", "title: repeated too often" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Deep_nesting_is_a_parse_error_not_a_stack_overflow(string name, string text, string expected)
    {
        // Old code: "-" and "title:" recursed once per repetition (100,000 frames) and crashed the process.
        var result = FilterParser.Parse(text, NoLengthCap);
        var error = Assert.IsType<FilterParseResult.Error>(result);
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{name}: {error.Message}");
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void An_absurdly_long_filter_is_refused_by_its_length_before_parsing(int length)
    {
        var error = Assert.IsType<FilterParseResult.Error>(FilterParser.Parse(new string('(', length)));
        Assert.Equal("the filter is longer than 200 characters", error.Message);
    }

    [Fact]
    public void Reasonable_nesting_still_parses()
    {
        Assert.IsType<FilterParseResult.Success>(FilterParser.Parse("((ceasefire OR truce) -(football OR rugby)) title:gaza"));
        Assert.IsType<FilterParseResult.Success>(FilterParser.Parse("gaza NOT -ceasefire"));
    }
}
