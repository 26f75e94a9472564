using System.Text;

namespace NewsBot.Telegram.Rendering;

/// <summary>
/// Length and shortening in Unicode characters (code points), the unit Telegram's "1-4096
/// characters after entities parsing" is counted in (Telegram.Bot's HtmlText.PlainLength agrees).
/// </summary>
internal static class TextLength
{
    public static int Of(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }

    /// <summary>
    /// Shortens <paramref name="text"/> to at most <paramref name="max"/> characters, ending in "…".
    /// Cuts at the last space when one is reasonably near the end, so no word is split; a single
    /// overlong word is cut inside (never inside a surrogate pair).
    /// </summary>
    public static string Shorten(string text, int max)
    {
        if (Of(text) <= max) return text;
        if (max <= 0) return "";
        if (max == 1) return "…";
        var keep = new StringBuilder();
        var kept = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (kept == max - 1) break;
            keep.Append(rune.ToString());
            kept++;
        }
        var cut = keep.ToString();
        var space = LastSpace(cut);
        if (space >= cut.Length * 2 / 3) cut = cut[..space];
        return cut.TrimEnd(' ', '\n', '\t', ',', ';', ':', '-') + "…";
    }

    private static int LastSpace(string text)
    {
        for (var i = text.Length - 1; i > 0; i--)
            if (char.IsWhiteSpace(text[i])) return i;
        return -1;
    }
}
