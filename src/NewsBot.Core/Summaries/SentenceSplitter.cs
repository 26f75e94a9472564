using System.Globalization;

namespace NewsBot.Core.Summaries;

/// <summary>
/// Splits one paragraph into sentences. A sentence ends at . ! ? … ؟ ۔ 。 ！ ？ (plus closing quotes
/// and brackets) when the next word starts a sentence: an upper-case letter, a digit, an opening quote,
/// or a letter of a script without case (Arabic, Hebrew, CJK). Abbreviations (Dr., Jan., U.S.),
/// initials, decimals (3.5) and thousands (25,700) do not end a sentence; the Arabic comma ، never does.
/// </summary>
public static class SentenceSplitter
{
    private const string Terminators = ".!?…؟۔。！？";
    private const string FullWidthTerminators = "。！？";
    private const string ClosingMarks = "\"'”’»)]›」』";
    private const string OpeningMarks = "\"'“‘«([‹「『¿¡";

    // Titles before a name: never the end of a sentence.
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cpl",
        "maj", "adm", "st", "rev", "hon", "pres", "supt", "insp", "det", "mme", "mlle", "sr", "sra", "srta",
    };

    // Abbreviations that usually sit mid-sentence but can end one ("... in the U.S. The talks ...").
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "inc", "ltd", "co", "corp", "jr", "vs", "etc", "approx", "no", "nos", "vol", "fig", "mt", "ft",
        "dept", "univ", "est", "al", "e.g", "i.e", "bzw", "usw", "ca", "nr", "art", "abs",
    };

    // Words that start sentences: after an abbreviation they mark a real sentence end.
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "In",
        "But", "And", "On", "At", "His", "Her", "Their", "Its", "There", "After", "Before", "Meanwhile",
    };

    public static IReadOnlyList<string> Split(string paragraph)
    {
        var sentences = new List<string>();
        var start = 0;
        var i = 0;
        while (i < paragraph.Length)
        {
            if (!Terminators.Contains(paragraph[i])) { i++; continue; }
            var end = i + 1;
            while (end < paragraph.Length && (Terminators.Contains(paragraph[end]) || ClosingMarks.Contains(paragraph[end])
                   || IsSpacedClosingMark(paragraph, end))) end++;
            if (EndsSentence(paragraph, start, i, end))
            {
                Add(sentences, paragraph[start..end]);
                start = end;
            }
            i = end;
        }
        Add(sentences, paragraph[start..]);
        return sentences;
    }

    // French typography puts a (narrow) space before the closing guillemet: "bout. »".
    private static bool IsSpacedClosingMark(string text, int at) =>
        text[at] is ' ' or '\u00A0' or '\u202F' && at + 1 < text.Length && text[at + 1] is '»' or '›';

    private static void Add(List<string> sentences, string sentence)
    {
        sentence = sentence.Trim();
        if (sentence.Length > 0) sentences.Add(sentence);
    }

    /// <param name="start">where the current sentence began</param>
    /// <param name="mark">index of the first terminator</param>
    /// <param name="end">index just past the terminators and closing marks</param>
    private static bool EndsSentence(string text, int start, int mark, int end)
    {
        if (end >= text.Length) return true;
        var fullWidth = FullWidthTerminators.Contains(text[mark]);
        if (!char.IsWhiteSpace(text[end]) && !fullWidth) return false; // 3.5, U.S.-led, example.com
        var next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
        if (next >= text.Length) return true;
        if (!StartsSentence(text, next)) return false;
        if (text[mark] != '.' || end - mark > 1 && text[mark + 1] == '.') return true; // ! ? … and "..."
        var word = WordBefore(text, start, mark);
        if (word.Length == 0) return true;
        if (Titles.Contains(word)) return false;
        var nextWord = WordAt(text, next);
        if (Abbreviations.Contains(word) || IsInitialOrAcronym(word))
            return SentenceStarters.Contains(nextWord);
        return true;
    }

    private static bool StartsSentence(string text, int at)
    {
        var c = text[at];
        if (OpeningMarks.Contains(c) || c is '-' or '–' or '—') return true;
        if (char.IsDigit(c)) return true;
        if (char.IsUpper(c)) return true;
        if (!char.IsLetter(c)) return false;
        // Letters of scripts without case (Arabic, Hebrew, CJK...) can start a sentence; a lower-case
        // Latin/Cyrillic/Greek letter cannot.
        return char.ToUpperInvariant(c) == c && char.ToLowerInvariant(c) == c
            && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;
    }

    private static string WordBefore(string text, int start, int mark)
    {
        var from = mark;
        while (from > start && (char.IsLetterOrDigit(text[from - 1]) || text[from - 1] == '.')) from--;
        return text[from..mark];
    }

    private static string WordAt(string text, int at)
    {
        var to = at;
        while (to < text.Length && char.IsLetter(text[to])) to++;
        return text[at..to];
    }

    /// <summary>"J", "U.S", "U.N", "e.g": single letters or letters joined by dots.</summary>
    private static bool IsInitialOrAcronym(string word)
    {
        if (word.Length == 1) return char.IsLetter(word[0]);
        var parts = word.Split('.');
        return parts.Length > 1 && parts.All(p => p.Length == 1 && char.IsLetter(p[0]));
    }
}
