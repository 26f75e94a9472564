namespace NewsBot.Core.Summaries;

/// <summary>Lower-cased words of a text, for comparing sentences with the headline and the matched terms.</summary>
public static class SummaryWords
{
    public static List<string> Of(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            // A quote between letters belongs to the word: Hebrew acronyms (צה"ל) and English "don't".
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark
                || (text[i] is '"' or '\'' or '’' && start >= 0 && i + 1 < text.Length && char.IsLetter(text[i + 1])));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }
}
