using System.Globalization;
using System.Text;

namespace NewsBot.Core.Filters.Normalization;

/// <summary>
/// Folds text so that case, accents and optional marks do not matter: compatibility
/// decomposition (full-width letters and ligatures become plain ones), then every non-spacing
/// mark is dropped (Latin accents, Arabic harakat, Hebrew niqqud), Arabic tatweel and invisible
/// format characters (soft hyphen, zero-width joiners) go too, and letters are lower-cased.
/// Filters and articles go through the same function, so they always agree.
/// </summary>
public static class TextFolding
{
    private const char ArabicTatweel = '\u0640';

    public static string Fold(string text)
    {
        if (Ascii.IsValid(text)) return text.ToLowerInvariant();
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format || c == ArabicTatweel) continue;
            AppendLower(folded, c);
        }
        // Recompose what decomposition split without marks to drop (Hangul syllables, for one).
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Letters that have no decomposition but that people type without the extra stroke.</summary>
    private static void AppendLower(StringBuilder folded, char c)
    {
        switch (c)
        {
            case 'ß': folded.Append("ss"); break;
            case 'Æ' or 'æ': folded.Append("ae"); break;
            case 'Œ' or 'œ': folded.Append("oe"); break;
            case 'Ø' or 'ø': folded.Append('o'); break;
            case 'Đ' or 'đ': folded.Append('d'); break;
            case 'Ł' or 'ł': folded.Append('l'); break;
            case 'ı': folded.Append('i'); break;
            case 'Þ' or 'þ': folded.Append("th"); break;
            case 'ς': folded.Append('σ'); break;
            default: folded.Append(char.ToLowerInvariant(c)); break;
        }
    }
}
