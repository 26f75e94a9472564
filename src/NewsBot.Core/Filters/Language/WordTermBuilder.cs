using System.Text;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Core.Filters.Language;

/// <summary>Turns a typed word, wildcard or phrase into a term in the folded, singular form articles use.</summary>
public static class WordTermBuilder
{
    /// <summary>Shortest wildcard prefix: anything shorter would match a large share of all articles.</summary>
    public const int MinPrefixLength = 3;

    public static TermNode Word(string raw, int column, bool titleOnly)
    {
        var star = raw.IndexOf('*');
        if (star >= 0) return Wildcard(raw, star, column, titleOnly);
        var analyzed = AnalyzedText.Analyze(raw);
        if (analyzed.Count == 0)
            throw new FilterSyntaxException($"'{raw}' has no letters or digits to look for", column);
        return new WordTerm(titleOnly, Trimmed(analyzed.Folded), analyzed.StemsFrom(0).ToString());
    }

    public static TermNode Phrase(string inner, int column, bool titleOnly)
    {
        var analyzed = AnalyzedText.Analyze(inner);
        if (analyzed.Count == 0) throw new FilterSyntaxException("empty phrase", column);
        var display = "\"" + string.Join(' ', analyzed.Folded.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) + "\"";
        return new WordTerm(titleOnly, display, analyzed.StemsFrom(0).ToString());
    }

    private static PrefixTerm Wildcard(string raw, int star, int column, bool titleOnly)
    {
        if (star != raw.Length - 1)
            throw new FilterSyntaxException("wildcard * is only allowed at the end of a word", column + star);
        var analyzed = AnalyzedText.Analyze(raw[..^1]);
        if (analyzed.Count != 1)
            throw new FilterSyntaxException($"a wildcard works on a single word, not '{raw}'", column);
        if (analyzed.Word(0).Length < MinPrefixLength)
            throw new FilterSyntaxException($"wildcard needs at least {MinPrefixLength} letters before *", column);
        return new PrefixTerm(titleOnly, analyzed.Word(0).ToString());
    }

    /// <summary>The folded word without punctuation around it: <c>Gaza,</c> is shown as <c>gaza</c>.</summary>
    private static string Trimmed(string folded)
    {
        int start = 0, end = folded.Length;
        while (start < end && !IsWordAt(folded, start)) start++;
        while (end > start && !IsWordAt(folded, end - 1)) end--;
        return folded[start..end];
    }

    private static bool IsWordAt(string text, int i) =>
        char.IsSurrogate(text[i]) || Scripts.IsWordRune(new Rune(text[i]));
}
