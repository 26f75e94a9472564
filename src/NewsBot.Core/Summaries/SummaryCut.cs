using System.Globalization;

namespace NewsBot.Core.Summaries;

/// <summary>Shortens text to a character budget on a sentence or word boundary, never mid-word.</summary>
public static class SummaryCut
{
    private const char Ellipsis = '…';
    private const string TrailingJunk = " ,;:-–—(\"“‘'«";

    public static string ToLength(string text, int maxChars)
    {
        if (maxChars < 2) throw new ArgumentOutOfRangeException(nameof(maxChars), maxChars, "summary: maxChars must be at least 2");
        text = text.Trim();
        if (text.Length <= maxChars) return text;

        // Keep whole sentences when they fill most of the budget: no ellipsis needed.
        var kept = "";
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var next = kept.Length == 0 ? sentence : kept + " " + sentence;
            if (next.Length > maxChars) break;
            kept = next;
        }
        if (kept.Length >= maxChars * 2 / 3) return kept;

        var limit = maxChars - 1; // room for the ellipsis
        var cut = -1;
        for (var i = limit; i > 0; i--)
            if (char.IsWhiteSpace(text[i])) { cut = i; break; }
        string head;
        if (cut > 0) head = text[..cut];
        else
        {
            // One very long "word" (a URL, or a script written without spaces): cut between characters,
            // never inside a surrogate pair or a combining sequence.
            var elements = StringInfo.ParseCombiningCharacters(text);
            var end = elements.LastOrDefault(e => e <= limit);
            head = text[..end];
        }
        return head.TrimEnd(TrailingJunk.ToCharArray()).TrimEnd('.') + Ellipsis;
    }
}
