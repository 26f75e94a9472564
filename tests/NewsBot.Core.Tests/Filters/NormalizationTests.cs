using System.Text.RegularExpressions;
using CsCheck;
using NewsBot.Core.Filters.Language;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Core.Tests.Filters;

/// <summary>The folding and inflection rules on their own, one row per rule.</summary>
public class NormalizationTests
{
    [Theory]
    [InlineData("Ceasefire", "ceasefire")]
    [InlineData("Café São Paulo", "cafe sao paulo")]
    [InlineData("Straße", "strasse")]
    [InlineData("Łódź", "lodz")]
    [InlineData("ﬁnal", "final")] // ligature
    [InlineData("ＡＢＣ", "abc")] // full width
    [InlineData("مُحَمَّد", "محمد")] // harakat
    [InlineData("الســلام", "السلام")] // tatweel
    [InlineData("שָׁלוֹם", "שלום")] // niqqud
    [InlineData("cease\u00ADfire", "ceasefire")] // soft hyphen
    [InlineData("서울", "서울")] // Hangul survives decomposition
    public void Folding_removes_case_accents_and_marks(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));

    [Theory]
    [InlineData("ceasefires", "ceasefire")]
    [InlineData("parties", "party")]
    [InlineData("ties", "tie")]
    [InlineData("boxes", "box")]
    [InlineData("churches", "church")]
    [InlineData("bosses", "boss")]
    [InlineData("boss", "boss")]
    [InlineData("virus", "virus")]
    [InlineData("crisis", "crisis")]
    [InlineData("news", "news")]
    [InlineData("series", "series")]
    [InlineData("gas", "gas")]
    [InlineData("мирs", "мирs")] // only plain English words are touched
    public void Plurals_become_singular(string word, string singular) =>
        Assert.Equal(singular, EnglishInflection.Singular(word));

    [Theory]
    [InlineData("Cease-fire talks", new[] { "cease", "fire", "talk" })]
    [InlineData("O'Brien's plan", new[] { "obrien", "plan" })]
    [InlineData("U.S. talks", new[] { "u", "s", "talk" })]
    [InlineData("停火协议", new[] { "停", "火", "协", "议" })]
    [InlineData("Gaza—Israel", new[] { "gaza", "israel" })]
    public void Text_is_cut_into_singular_tokens_at_word_boundaries(string text, string[] stems)
    {
        var analyzed = AnalyzedText.Analyze(text);
        Assert.Equal(stems, Enumerable.Range(0, analyzed.Count).Select(i => analyzed.Stem(i).ToString()));
    }

    [Theory]
    [InlineData("cease-?fire", new[] { "cease" })]
    [InlineData("truce|armistice", new[] { "truce", "armistice" })]
    [InlineData("\\d+ (dead|killed)", new[] { "dead", "killed" })]
    [InlineData("\\d+ (?:dead|killed)", new[] { "dead", "killed" })]
    [InlineData("\\d+ (?<what>dead|killed)", new[] { "dead", "killed" })]
    [InlineData("\\d+ (dead|killed)?", new string[0])]
    [InlineData("\\d+ (dead|\\w+)", new string[0])]
    [InlineData("(opec|cartel) ?\\+?", new[] { "opec", "cartel" })]
    [InlineData("((opec|cartel)s)|oil", new[] { "opec", "cartel", "oil" })]
    [InlineData("x(?=abc)", new string[0])]
    [InlineData("n[eé]ws", new string[0])]
    [InlineData("colou?r", new[] { "colo" })]
    [InlineData("Ransom(ware)?", new[] { "ransom" })]
    [InlineData("ab+cdef", new[] { "cdef" })]
    public void Regex_required_literals_are_found_conservatively(string pattern, string[] literals) =>
        Assert.Equal(literals, RequiredLiterals.Of(pattern));

    [Fact]
    public void Regexes_run_on_the_linear_time_engine()
    {
        var filter = FilterAssert.Parsed("/(a+)+$/");
        var term = Assert.IsType<RegexTerm>(filter.Root);
        Assert.True(term.Regex.Options.HasFlag(RegexOptions.NonBacktracking));
        // The classic catastrophic-backtracking input: linear here, and simply no match.
        Assert.False(FilterAssert.Matches("/(a+)+$/", new string('a', 5000) + "!"));
    }

    /// <summary>
    /// Plain-ASCII text takes a fast tokenizer; appending one accented word sends the same text
    /// through the general one. Both must cut the same words and stems.
    /// </summary>
    [Fact]
    public void Ascii_text_is_tokenized_exactly_as_the_general_tokenizer_does()
    {
        // Short words among punctuation, and long words with apostrophes inside.
        var asciiText = Gen.OneOf(
            Gen.Char["abcXYZ09 '-.,!?\t\n"].Array[0, 200],
            Gen.Char["abcdefghXYZ09' "].Array[0, 300]).Select(chars => new string(chars));
        asciiText.Sample(text =>
        {
            var fast = AnalyzedText.Analyze(text);
            var general = AnalyzedText.Analyze(text + " é");
            Assert.Equal(fast.Count + 1, general.Count);
            for (var i = 0; i < fast.Count; i++)
            {
                Assert.Equal(general.Word(i).ToString(), fast.Word(i).ToString());
                Assert.Equal(general.Stem(i).ToString(), fast.Stem(i).ToString());
            }
        }, iter: 5000);
    }
}
