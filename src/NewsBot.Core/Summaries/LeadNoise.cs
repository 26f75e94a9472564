using System.Text.RegularExpressions;

namespace NewsBot.Core.Summaries;

/// <summary>
/// Strips what wires and sites put before the news in a sentence: labels ("Exclusive:",
/// "BREAKING:", "UPDATE 2-") and datelines ("GAZA, Jan 24 (Reuters) -", "(AP) —"), and the
/// "[…]" that WordPress feeds append to cut descriptions.
/// </summary>
public static partial class LeadNoise
{
    [GeneratedRegex(@"^((exclusive|breaking( news)?|update( \d+)?|watch|live|analysis|opinion|factbox|explainer|urgent|عاجل|حصري|בלעדי|מבזק|exclusif|exclusiva|eilmeldung)\s*[:\-–—|]\s*)+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LabelPattern();

    // "WASHINGTON, Jan 5 (Reuters) - ", "GAZA CITY (AP) — ", "(AFP) - "
    [GeneratedRegex(@"^(\p{Lu}[\p{Lu}\p{M} .,'’/-]{1,40}(,\s*[\p{L}]{3,9}\.?\s+\d{1,2})?\s*)?\((reuters|ap|afp|upi|dpa|ani|pti|xinhua|anadolu|wafa|ians)\)\s*[-–—]\s*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DatelinePattern();

    [GeneratedRegex(@"\s*(\[\s*(…|\.\.\.|&hellip;)\s*\]|\[\s*(read|continue|more)[^\]]{0,30}\])\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CutMarkerPattern();

    public static string Strip(string sentence)
    {
        var text = CutMarkerPattern().Replace(sentence, "");
        text = LabelPattern().Replace(text, "");
        text = DatelinePattern().Replace(text, "");
        return text.Trim();
    }
}
