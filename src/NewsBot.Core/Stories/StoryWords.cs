using System.Globalization;
using System.Text;

namespace NewsBot.Core.Stories;

/// <summary>
/// Normalizes headline and lead words for story grouping: case and diacritics folded (Latin accents,
/// Arabic vowel marks), numbers kept whole ("25,700" = "25700"), hyphenated words kept both split and
/// joined ("cease-fire" also gives "ceasefire"), stop words and news filler ("says", "report")
/// dropped, English plurals and verb endings trimmed ("talks" = "talk", "killed" = "kill").
/// </summary>
public static class StoryWords
{
    public static List<string> Of(string text)
    {
        var words = new List<string>();
        foreach (var raw in RawTokens(Fold(text)))
        {
            var parts = raw.Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1) AddWord(words, string.Concat(parts));
            foreach (var part in parts) AddWord(words, part);
        }
        return words;
    }

    private static void AddWord(List<string> words, string word)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal)) word = word[..^2];
        word = word.Replace("'", "");
        if (word.Length < 2 && !char.IsDigit(word.FirstOrDefault()) || StoryStopWords.Contains(word)) return;
        words.Add(Stem(word));
    }

    /// <summary>Lower case, compatibility forms, combining marks removed, typographic quotes unified.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c switch { '’' or '‘' or '`' => '\'', 'ـ' => '\0', _ => char.ToLowerInvariant(c) });
        }
        return folded.Replace("\0", "").ToString();
    }

    /// <summary>Runs of letters and digits, with inner apostrophes, hyphens and digit separators ("25,700", "3.5").</summary>
    private static IEnumerable<string> RawTokens(string text)
    {
        var token = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var joiner = c is '\'' or '-' or '"' && token.Length > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
            var digitSeparator = c is ',' or '.' && token.Length > 0 && char.IsDigit(token[^1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]);
            if (char.IsLetterOrDigit(c) || joiner) token.Append(c == '"' ? '\'' : c); // Hebrew acronyms: צה"ל
            else if (digitSeparator) { if (c == '.') token.Append('.'); }
            else if (token.Length > 0) { yield return token.ToString(); token.Clear(); }
        }
        if (token.Length > 0) yield return token.ToString();
    }

    /// <summary>A light English stemmer: enough to match "talks"/"talk", "killed"/"kills", "strikes"/"strike".</summary>
    private static string Stem(string word)
    {
        if (word.Length <= 3 || !word.All(c => c is >= 'a' and <= 'z')) return word;
        if (word.EndsWith("ies") && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("ing") && word.Length > 5) return Undouble(word[..^3]);
        if (word.EndsWith("ed") && word.Length > 4) return Undouble(word[..^2]);
        if (word.EndsWith("es") && word.Length > 4 && (word[^3] is 's' or 'x' or 'z' || word.EndsWith("ches") || word.EndsWith("shes"))) word = word[..^2];
        else if (word.EndsWith('s') && !word.EndsWith("ss") && !word.EndsWith("us") && !word.EndsWith("is")) word = word[..^1];
        return word.EndsWith('e') && word.Length > 4 ? word[..^1] : word;
    }

    // "stopped" -> "stopp" -> "stop"; "strike", "strikes", "striking" -> "strik".
    private static string Undouble(string stem) =>
        stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') ? stem[..^1]
        : stem.EndsWith('e') && stem.Length > 4 ? stem[..^1] : stem;
}
