using System.Text.RegularExpressions;

namespace NewsBot.Core.Stories;

/// <summary>
/// Spellings of one name folded before tokenizing: dotted acronyms ("U.S.", "U.N.") lose their dots,
/// and a few long forms become the acronym wires use ("United States" = "US"), so "U.S. jobs" and
/// "US jobs" share the name.
/// </summary>
internal static partial class StoryAliases
{
    public static string Expand(string text)
    {
        if (text.Length == 0) return text;
        text = DottedAcronym().Replace(text, m => m.Value.Replace(".", "", StringComparison.Ordinal));
        return LongForm().Replace(text, m => m.Value.ToUpperInvariant() switch
        {
            "UNITED STATES" or "USA" => "US",
            "UNITED KINGDOM" or "BRITAIN" or "GREAT BRITAIN" => "UK",
            "UNITED NATIONS" => "UN",
            "EUROPEAN UNION" => "EU",
            _ => m.Value,
        });
    }

    // Two or more single capitals each followed by a dot: "U.S.", "U.S.A.", "E.U.". No nested quantifiers, so no backtracking blow-up.
    [GeneratedRegex(@"\b(?:\p{Lu}\.){2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DottedAcronym();

    [GeneratedRegex(@"\b(?:United States|USA|United Kingdom|Great Britain|Britain|United Nations|European Union)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LongForm();
}
