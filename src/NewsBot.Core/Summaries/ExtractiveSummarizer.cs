namespace NewsBot.Core.Summaries;

/// <summary>
/// Foundation version: the first sentences of the text, boilerplate lines ("Read more: ...")
/// dropped, cut at a word boundary. The summaries issue replaces it with scored extraction.
/// </summary>
public static class ExtractiveSummarizer
{
    private static readonly string[] BoilerplatePrefixes = ["read more", "follow us", "subscribe", "sign up", "copyright", "©"];

    public static string Summarize(string headline, string text, IReadOnlyList<string> matchedTerms, int maxChars = 300)
    {
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !BoilerplatePrefixes.Any(p => l.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .Where(l => !string.Equals(l, headline, StringComparison.OrdinalIgnoreCase));
        var body = string.Join(' ', lines);
        if (body.Length <= maxChars) return body;
        var cut = body.LastIndexOf(' ', maxChars - 1);
        return (cut > 0 ? body[..cut] : body[..(maxChars - 1)]).TrimEnd(',', ';', ':') + "…";
    }
}
