using System.Text;
using NewsBot.Core.Delivery;
using NewsBot.Core.SourceHealth;
using NewsBot.Core.Summaries;
using NewsBot.TestKit;

namespace NewsBot.Core.Tests.Hostile;

/// <summary>
/// Quadratic bait for every text stage a stranger's input reaches: each input is timed at n and 8n.
/// Linear work grows about 8 times, the old quadratic code 64 times (and took minutes at feed
/// sizes). Ceilings are ten times and more above the linear figure: the machine is shared.
/// </summary>
public sealed class TextStageScalingTests
{
    private static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();

    private static void AssertLinear(CpuScaling.Figures figures, double maxLargeSeconds)
    {
        Assert.True(figures.Ratio < CpuScaling.MaxLinearRatio, $"cost grows faster than the input: {figures}");
        Assert.True(figures.LargeSeconds < maxLargeSeconds, $"the 8n input took too long: {figures}");
    }

    [Fact]
    public void A_title_of_thousands_of_outlet_suffixes_is_cleaned_in_linear_time()
    {
        // " - Reuters" × 30,000 cost 53 s: each removed suffix searched and copied the whole title again.
        var figures = CpuScaling.Measure(n => "x" + Repeat(" - Reuters", n), 2_000, title => HeadlineCleaner.CleanPlainText(title, "Reuters"));

        AssertLinear(figures, maxLargeSeconds: 1);
    }

    [Fact]
    public void A_title_of_many_outlet_suffixes_loses_all_of_them_but_keeps_a_headline()
    {
        var start = CpuScaling.ThreadSeconds();

        Assert.Equal("Fed holds rates", HeadlineCleaner.CleanPlainText("Fed holds rates" + Repeat(" - Reuters", 30_000), "Reuters"));
        // The rest must still read as a headline: two words, so "x" keeps one suffix.
        Assert.Equal("x - Reuters", HeadlineCleaner.CleanPlainText("x" + Repeat(" - Reuters", 30_000)));
        // The 300 KB title: 53 s before; milliseconds now, so 5 s is a ceiling for a busy machine.
        var seconds = CpuScaling.ThreadSeconds() - start;
        Assert.True(seconds < 5, $"two 300 KB titles took {seconds:F1} s of CPU");
    }

    [Fact]
    public void A_title_of_unclosed_inline_tags_is_cleaned_in_linear_time()
    {
        // "<b <b <b …" never closed: the backtracking tag pattern scanned to the end from every "<b".
        var figures = CpuScaling.Measure(n => "Headline " + Repeat("<b ", n), 2_000, title => HeadlineCleaner.Clean(title));

        AssertLinear(figures, maxLargeSeconds: 1);
    }

    [Fact]
    public void An_outlet_tail_shaped_like_a_long_dotted_name_is_checked_in_linear_time()
    {
        var figures = CpuScaling.Measure(n => "Markets slide today - " + Repeat("a.", n) + "1", 2_000, title => HeadlineCleaner.CleanPlainText(title));

        AssertLinear(figures, maxLargeSeconds: 1);
    }

    [Fact]
    public void A_sentence_with_a_long_run_of_spaces_loses_its_lead_noise_in_linear_time()
    {
        // The "[…]" cut-marker pattern starts with \s*: from every space it scanned the whole run.
        var figures = CpuScaling.Measure(n => "BREAKING: word" + new string(' ', n) + "end", 4_000, text => LeadNoise.Strip(text));

        AssertLinear(figures, maxLargeSeconds: 1);
        Assert.Equal("word" + new string(' ', 10) + "end", LeadNoise.Strip("BREAKING: word" + new string(' ', 10) + "end"));
    }

    [Fact]
    public void A_long_headline_over_many_lines_that_repeat_it_is_summarized_in_linear_time()
    {
        // Every line was compared with the headline's words computed again: headline × lines.
        static (string Headline, string Text) Article(int n) =>
            ("Quake hits coast " + Repeat("word ", n), Repeat("Quake hits coast\n", n));
        var figures = CpuScaling.Measure(Article, 1_000, a => ExtractiveSummarizer.Summarize(a.Headline, a.Text, []));

        AssertLinear(figures, maxLargeSeconds: 2);
        Assert.Equal("", ExtractiveSummarizer.Summarize(Article(10).Headline, Article(10).Text, []));
    }

    [Fact]
    public void A_stored_error_full_of_addresses_without_queries_is_described_in_linear_time()
    {
        // "http://" again and again with no '?': the address pattern scanned to the end from each one.
        var figures = CpuScaling.Measure(n => "HTTP 503 at " + Repeat("http://a", n), 2_000, error => FailureInPlainWords.Describe(error));

        AssertLinear(figures, maxLargeSeconds: 1);
        Assert.StartsWith("the site's server is failing (HTTP 503 at http://a", FailureInPlainWords.Describe("HTTP 503 at " + Repeat("http://a", 100)));
    }

    [Fact]
    public void Quiet_hours_with_a_long_run_of_spaces_are_refused_in_linear_time()
    {
        var figures = CpuScaling.Measure(n => "22:00" + new string(' ', n) + "x 07:00", 4_000, text => _ = DeliveryCommandParser.TryParseQuiet(text, out _, out _));

        AssertLinear(figures, maxLargeSeconds: 1);
        Assert.False(DeliveryCommandParser.TryParseQuiet("22:00" + new string(' ', 100) + "x 07:00", out _, out var problem));
        Assert.NotEmpty(problem.Parts);
    }

    [Fact]
    public void Digest_times_with_a_long_run_of_spaces_are_refused_in_linear_time()
    {
        var figures = CpuScaling.Measure(n => "daily 08:00" + new string(' ', n) + "x", 4_000, text => _ = DeliveryCommandParser.TryParseDigest(text, out _, out _));

        AssertLinear(figures, maxLargeSeconds: 1);
    }
}
