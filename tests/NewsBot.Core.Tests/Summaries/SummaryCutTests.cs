using NewsBot.Core.Summaries;

namespace NewsBot.Core.Tests.Summaries;

public sealed class SummaryCutTests
{
    [Theory]
    [InlineData("Short enough.", 20, "Short enough.")]
    [InlineData("The first sentence is kept whole. The second one would not fit.", 40, "The first sentence is kept whole.")]
    [InlineData("A single very long sentence that goes on and on past the limit", 30, "A single very long sentence…")]
    [InlineData("Numbers like 25,700 are never split in the middle of them", 22, "Numbers like 25,700…")]
    [InlineData("Ends with a comma, then more words here", 20, "Ends with a comma…")]
    [InlineData("https://example.com/a/very/long/path/without/spaces", 20, "https://example.com…")]
    public void Cuts_on_sentence_or_word_boundaries(string text, int maxChars, string expected)
    {
        Assert.Equal(expected, SummaryCut.ToLength(text, maxChars));
    }

    [Fact]
    public void Random_texts_are_never_cut_mid_word_or_over_budget()
    {
        var random = new Random(1234);
        string[] words = ["ceasefire", "talks", "25,700", "U.S.", "حماس", "שלום", "progress", "a", "extraordinarily", "3.5", "—", "said."];
        for (var run = 0; run < 500; run++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 60)).Select(_ => words[random.Next(words.Length)]));
            var budget = random.Next(10, 200);

            var cut = SummaryCut.ToLength(text, budget);

            Assert.True(cut.Length <= budget, $"'{cut}' over {budget}");
            var kept = cut.TrimEnd('…');
            Assert.StartsWith(kept, text);
            // Only a first word longer than the whole budget may be cut inside (URLs, unspaced scripts).
            var firstWordFits = text.IndexOf(' ') is > 0 and var space && space < budget;
            if (kept.Length < text.Length && cut.EndsWith('…') && firstWordFits)
                Assert.False(char.IsLetterOrDigit(text[kept.Length]) && kept.Length > 0 && char.IsLetterOrDigit(kept[^1]), $"mid-word cut: '{cut}' of '{text}'");
        }
    }
}
