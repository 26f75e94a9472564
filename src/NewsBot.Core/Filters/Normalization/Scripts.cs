using System.Globalization;
using System.Text;

namespace NewsBot.Core.Filters.Normalization;

/// <summary>Which characters make up words, and which scripts are written without spaces.</summary>
public static class Scripts
{
    /// <summary>
    /// Han, kana, Hangul, Thai, Lao, Khmer and Myanmar text has no (reliable) spaces between words,
    /// so every character is its own token and a term matches as a substring.
    /// </summary>
    public static bool IsUnspaced(Rune r)
    {
        var v = r.Value;
        return v is >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0xFF66 and <= 0xFF9F
            or >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F
            or >= 0x0E00 and <= 0x0EFF or >= 0x1780 and <= 0x17FF or >= 0x1000 and <= 0x109F
            or >= 0x20000 and <= 0x3FFFF;
    }

    /// <summary>Letters, digits and spacing marks (an Indic vowel sign is part of its word).</summary>
    public static bool IsWordRune(Rune r) => Rune.GetUnicodeCategory(r) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    /// <summary>
    /// Apostrophes (and Hebrew geresh/gershayim) between two letters join them and then vanish:
    /// <c>o'brien</c> is <c>obrien</c>, and <c>ceasefire's</c> becomes the plural that inflection removes.
    /// </summary>
    public static bool IsJoiner(char c) => c is '\'' or '\u2019' or '\u05F3' or '\u05F4';
}
