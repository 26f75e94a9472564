using System.Text;
using NewsBot.Core.Stories;
using NewsBot.Core.Summaries;
using NewsBot.Core.Text;

namespace NewsBot.Core.Tests.Hostile;

/// <summary>
/// Nesting a stranger decides must not decide our stack depth: each text stage runs on a thread
/// with a 256 KiB stack (a thread-pool thread has 1.5 MiB; 20,000 levels of recursion overflowed it,
/// which ends the process). A stage that recursed per level would crash this test run.
/// </summary>
public sealed class DeepInputTests
{
    private const int Depth = 100_000;
    private const string Sentence = "Rescue teams in Kyushu searched collapsed homes on Thursday after the 7.1 earthquake, officials said.";

    private static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();

    private static T OnSmallStack<T>(Func<T> stage)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = stage(); }
            catch (Exception e) { failure = e; }
        }, maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new Xunit.Sdk.XunitException($"stage failed on a small stack: {failure}");
        return result;
    }

    [Theory]
    [InlineData("<div>", "</div>")]
    [InlineData("<b>", "")] // never closed
    [InlineData("<blockquote><p>", "</p></blockquote>")]
    public void Html_nested_a_hundred_thousand_levels_deep_becomes_its_text(string open, string close)
    {
        var html = Repeat(open, Depth) + Sentence + Repeat(close, Depth);

        var text = OnSmallStack(() => HtmlToText.Convert(html));

        Assert.Equal(Sentence, text);
    }

    [Fact]
    public void Text_from_deep_html_is_summarized_on_a_small_stack()
    {
        var text = HtmlToText.Convert(Repeat("<div>", Depth) + Sentence + " " + Sentence + Repeat("</div>", Depth));

        var summary = OnSmallStack(() => ExtractiveSummarizer.Summarize("Quake hits Kyushu", text, ["quake"]));

        Assert.StartsWith("Rescue teams in Kyushu", summary);
    }

    [Fact]
    public void A_paragraph_of_a_hundred_thousand_sentences_is_split_on_a_small_stack()
    {
        var sentences = OnSmallStack(() => SentenceSplitter.Split(Repeat(Sentence + " ", Depth)));

        Assert.Equal(Depth, sentences.Count);
    }

    [Fact]
    public void A_lead_of_a_hundred_thousand_nested_quotes_and_brackets_is_signed_on_a_small_stack()
    {
        var lead = Repeat("(«\"", Depth) + Sentence + Repeat("\"»)", Depth);

        var signature = OnSmallStack(() => new StoryMatcher().Compute("Quake hits Kyushu", lead));

        Assert.False(signature.IsEmpty);
    }

    [Fact]
    public void A_title_of_a_hundred_thousand_suffixes_is_cleaned_on_a_small_stack()
    {
        var title = OnSmallStack(() => HeadlineCleaner.Clean("Quake hits Kyushu" + Repeat(" | Reuters", Depth)));

        Assert.Equal("Quake hits Kyushu", title);
    }
}
