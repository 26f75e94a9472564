using System.Text;
using NewsBot.Core.Filters;
using NewsBot.Core.Filters.Language;
using NewsBot.Core.Filters.Normalization;
using NewsBot.TestKit;

namespace NewsBot.Core.Tests.Hostile;

/// <summary>
/// A user's /pattern/ runs over every article the matcher and a /add preview scan. The engine is
/// non-backtracking (linear in the article); what is left to bound is the pattern's own size once
/// its counted repeats are written out, which sets the cost per character.
/// </summary>
public sealed class UserRegexCostTests
{
    private static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();

    [Theory]
    [InlineData("/(.{0,30}a){0,30}z/")]
    [InlineData("/((ab){0,20}){0,20}/")]
    [InlineData("/x{0,50}{0,50}/")]
    public void A_regex_whose_counted_repeats_multiply_is_refused_when_added(string filter)
    {
        // (.{0,30}a){0,30}z ran into the one-second match timeout on a 20,000-character article.
        var result = FilterParser.Parse(filter);

        var error = Assert.IsType<FilterParseResult.Error>(result);
        Assert.Contains("repeats too much", error.Message);
    }

    [Theory]
    [InlineData("/gaza|israel/")]
    [InlineData(@"/\d{4}/")]
    [InlineData("/[a-z]{2,50}ing/")]
    [InlineData("/colou?r/")]
    [InlineData(@"/\p{L}{3,20} (strike|strikes)/")]
    [InlineData("/(.{0,10}a){0,20}z/")]
    public void Ordinary_regexes_are_still_accepted(string filter)
    {
        Assert.IsType<FilterParseResult.Success>(FilterParser.Parse(filter));
    }

    [Theory]
    [InlineData("/(x+x+)+y/")]
    [InlineData("/(.{0,10}a){0,20}z/")] // near the limit
    public void An_accepted_regex_scans_an_article_in_linear_time(string text)
    {
        var filter = ((FilterParseResult.Success)FilterParser.Parse(text)).Filter;
        var figures = CpuScaling.Measure(n => ArticleAnalysis.Of(new ArticleText("Quake", Repeat("xa", n / 2), "Wire", null)), 20_000,
            article => FilterEvaluator.Match(filter, article));

        Assert.True(figures.Ratio < CpuScaling.MaxLinearRatio, $"cost grows faster than the article: {figures}");
        // Far below the one-second match timeout, which would otherwise decide the result.
        Assert.True(figures.LargeSeconds < 0.25, $"a 160,000-character article took too long: {figures}");
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("a{10}", 10)]
    [InlineData("(ab){3}c", 7)]
    [InlineData("(.{0,30}a){0,30}z", 931)]
    [InlineData(@"\p{L}{5}", 5)]
    [InlineData("[a-z]{2,}", 2)]
    public void Unfolded_positions_count_each_counted_repeat_written_out(string pattern, long expected)
    {
        Assert.Equal(expected, RegexTermCompiler.UnfoldedPositions(pattern));
    }
}
