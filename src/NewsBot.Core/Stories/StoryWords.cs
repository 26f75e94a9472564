using System.Globalization;
using System.Text;

namespace NewsBot.Core.Stories;

/// <summary>A normalized word; salient words (names, numbers) weigh more in story signatures.</summary>
public readonly record struct StoryWord(string Word, bool Salient)
{
    /// <summary>A number or a date ("7.1", "2024", "25700"): weak evidence of one event.</summary>
    public bool IsNumber => Word.Any(char.IsDigit);
}

/// <summary>
/// Normalizes headline and lead words for story grouping: case and diacritics folded (Latin accents,
/// Arabic vowel marks), numbers kept whole ("25,700" = "25700"), hyphenated words kept both split and
/// joined ("cease-fire" also gives "ceasefire"), stop words and news filler ("says", "report")
/// dropped, English plurals and verb endings trimmed ("talks" = "talk", "killed" = "kill").
/// </summary>
public static class StoryWords
{
    public static List<string> Of(string text) => Tokens(text).Select(t => t.Word).ToList();

    /// <summary>
    /// The normalized words of a headline and its lead, with a flag for salient ones: numbers, and
    /// names — words written with a capital letter somewhere other than the start of a sentence
    /// ("Athens", "RSF"), or at the start of both the headline and the lead ("Apple ..." / "Apple
    /// reported ..."). Salient words tell events apart; "wildfire" and "evacuate" do not.
    /// </summary>
    public static (List<StoryWord> Headline, List<StoryWord> Lead) Tokens(string headline, string lead)
    {
        var headlineTokens = RawTokens(StoryAliases.Expand(headline)).ToList();
        var leadTokens = RawTokens(StoryAliases.Expand(lead)).ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        CollectNames(headlineTokens, names);
        CollectNames(leadTokens, names);
        var initialInHeadline = headlineTokens.Where(t => t.SentenceStart && char.IsUpper(t.Token[0])).Select(t => Fold(t.Token));
        var initialInLead = leadTokens.Where(t => t.SentenceStart && char.IsUpper(t.Token[0])).Select(t => Fold(t.Token));
        names.UnionWith(initialInHeadline.Intersect(initialInLead));
        return (Normalize(headlineTokens, names), Normalize(leadTokens, names));
    }

    /// <summary>The words of one text, salient as far as this text alone shows.</summary>
    public static List<StoryWord> Tokens(string text)
    {
        var raw = RawTokens(StoryAliases.Expand(text)).ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        CollectNames(raw, names);
        return Normalize(raw, names);
    }

    private static void CollectNames(List<(string Token, bool SentenceStart)> raw, HashSet<string> names)
    {
        var titleCase = IsTitleCase(raw);
        foreach (var (token, sentenceStart) in raw)
            if (char.IsUpper(token[0]) && (!sentenceStart && !titleCase || token.Count(char.IsUpper) > 1))
                names.Add(Fold(token));
    }

    private static List<StoryWord> Normalize(List<(string Token, bool SentenceStart)> raw, HashSet<string> names)
    {
        var words = new List<StoryWord>();
        foreach (var (token, _) in raw)
        {
            var folded = Fold(token);
            var salient = names.Contains(folded) || folded.Any(char.IsDigit);
            var parts = folded.Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1) AddWord(words, string.Concat(parts), salient);
            foreach (var part in parts) AddWord(words, part, salient);
        }
        return words;
    }

    // "Strong 7.1 Quake Hits Southern Japan": capitals say nothing about names.
    private static bool IsTitleCase(List<(string Token, bool SentenceStart)> raw)
    {
        var longWords = raw.Where(t => t.Token.Length > 3 && char.IsLetter(t.Token[0])).ToList();
        return longWords.Count >= 4 && longWords.Count(t => char.IsUpper(t.Token[0])) >= longWords.Count * 0.7;
    }

    private static void AddWord(List<StoryWord> words, string word, bool salient)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal)) word = word[..^2];
        word = word.Replace("'", "");
        if (word.Length < 2 && !char.IsDigit(word.FirstOrDefault()) || StoryStopWords.Contains(word)) return;
        if (!StorySynonyms.TryCanonical(word, out var canonical))
        {
            var stem = Stem(word);
            canonical = StorySynonyms.TryCanonical(stem, out var synonym) ? synonym : stem;
        }
        words.Add(new StoryWord(canonical, salient));
    }

    /// <summary>Lower case, compatibility forms, combining marks and tatweel removed, typographic quotes unified.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            // Combining marks (accents, Arabic vowel signs) and the Arabic stretching tatweel carry no meaning here.
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == 'ـ') continue;
            folded.Append(c is '’' or '‘' or '`' ? '\'' : char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }

    /// <summary>
    /// Runs of letters and digits, with inner apostrophes, hyphens and digit separators ("25,700",
    /// "3.5"), each with whether it starts a sentence.
    /// </summary>
    private static IEnumerable<(string Token, bool SentenceStart)> RawTokens(string text)
    {
        var token = new StringBuilder();
        var sentenceStart = true;
        var startsSentence = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var joiner = c is '\'' or '’' or '-' or '"' && token.Length > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
            var digitSeparator = c is ',' or '.' && token.Length > 0 && char.IsDigit(token[^1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]);
            if (char.IsLetterOrDigit(c) || joiner || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark && token.Length > 0)
            {
                if (token.Length == 0) startsSentence = sentenceStart;
                token.Append(c is '"' or '’' ? '\'' : c); // Hebrew acronyms: צה"ל
                continue;
            }
            if (digitSeparator) { if (c == '.') token.Append('.'); continue; }
            var abbreviation = c == '.' && token.Length is > 0 and <= 2 && char.IsUpper(token[0]);
            if (token.Length > 0) { yield return (token.ToString(), startsSentence); token.Clear(); sentenceStart = false; }
            // "Mt. Gox", "Dr. Dre": the dot of a short capitalized abbreviation does not end the sentence.
            if (c is '.' && !abbreviation || c is '!' or '?' or ':' or ';' or '—' or '|' or '؟') sentenceStart = true;
        }
        if (token.Length > 0) yield return (token.ToString(), startsSentence);
    }

    /// <summary>A light English stemmer: enough to match "talks"/"talk", "killed"/"kills", "strikes"/"strike".</summary>
    private static string Stem(string word)
    {
        if (word.Length <= 3 || !word.All(c => c is >= 'a' and <= 'z')) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5) return Undouble(word[..^3]);
        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4) return Undouble(word[..^2]);
        if (word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4 && (word[^3] is 's' or 'x' or 'z' || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal))) word = word[..^2];
        else if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal)) word = word[..^1];
        return word.EndsWith('e') && word.Length > 4 ? word[..^1] : word;
    }

    // "stopped" -> "stopp" -> "stop"; "strike", "strikes", "striking" -> "strik".
    private static string Undouble(string stem) =>
        stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') ? stem[..^1]
        : stem.EndsWith('e') && stem.Length > 4 ? stem[..^1] : stem;
}
