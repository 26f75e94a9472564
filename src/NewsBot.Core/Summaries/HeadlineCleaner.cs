using System.Net;
using System.Text.RegularExpressions;
using NewsBot.Core.Text;

namespace NewsBot.Core.Summaries;

/// <summary>
/// Cleans a feed title for an alert: entities decoded (twice when a feed double-encodes), stray
/// inline tags dropped, whitespace collapsed, and site-name suffixes removed ("... - Reuters",
/// "... | Al Mayadeen English"). A tail is removed only when it names the source or looks like an
/// outlet; meaningful tails ("... - live updates", "... | Q3 2024") stay.
/// </summary>
public static partial class HeadlineCleaner
{
    private static readonly string[] Separators = [" - ", " – ", " — ", " | ", " :: ", " · ", " • "];

    private static readonly HashSet<string> KnownOutlets = new(StringComparer.OrdinalIgnoreCase)
    {
        "reuters", "ap", "ap news", "the associated press", "associated press", "afp", "france 24", "bbc", "bbc news",
        "cnn", "al jazeera", "al jazeera english", "al mayadeen", "al mayadeen english", "bloomberg", "the guardian",
        "the new york times", "nyt", "the washington post", "financial times", "ft", "the economist", "axios",
        "politico", "npr", "sky news", "dw", "euronews", "haaretz", "ynetnews", "the times of israel", "times of israel",
        "jerusalem post", "the jerusalem post", "middle east eye", "anadolu agency", "xinhua", "tass", "rt",
        "the hill", "cnbc", "fox news", "abc news", "cbs news", "nbc news", "wsj", "the wall street journal",
        "le monde", "el país", "el pais", "der spiegel", "spiegel", "la repubblica", "yahoo news", "google news",
    };

    // Last words that mark an outlet name: "Sky News", "Arab News", "Al Mayadeen English", "Tehran Times".
    private static readonly string[] OutletEndings =
        ["news", "english", "times", "post", "online", "daily", "herald", "tribune", "journal", "gazette", "tv", "radio", "agency", "network", "magazine", "today", "wire", "press",
        "standard", "telegraph", "observer", "independent", "chronicle", "monitor", "insider", "mail", "express", "globe"];

    [GeneratedRegex(@"</?(b|i|em|strong|span|a|br|sup|sub|font|u|mark|small)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineTag();

    [GeneratedRegex(@"^[\w-]+(\.[\w-]+)*\.[a-z]{2,12}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();

    [GeneratedRegex(@"&(#\d+|#x[0-9a-f]+|[a-z]+);", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Entity();

    public static string Clean(string title, string? sourceName = null)
    {
        var text = WebUtility.HtmlDecode(title);
        if (Entity().IsMatch(text)) text = WebUtility.HtmlDecode(text); // "&amp;#8217;" from double-encoding feeds
        return CleanPlainText(InlineTag().Replace(text, ""), sourceName);
    }

    /// <summary>
    /// For a title that is already plain text (what the feed parser produces): only whitespace and
    /// site-name suffixes. Decoding again would turn a headline's literal "&lt;b&gt;" into a tag.
    /// </summary>
    public static string CleanPlainText(string title, string? sourceName = null)
    {
        var text = HtmlToText.NormalizeWhitespace(title).Replace('\n', ' ');
        while (TryRemoveSuffix(text, sourceName, out var shorter)) text = shorter;
        return text;
    }

    private static bool TryRemoveSuffix(string text, string? sourceName, out string shorter)
    {
        shorter = text;
        var at = -1;
        var separatorLength = 0;
        foreach (var separator in Separators)
        {
            var i = text.LastIndexOf(separator, StringComparison.Ordinal);
            if (i > at) (at, separatorLength) = (i, separator.Length);
        }
        if (at < 0) return false;
        var head = text[..at].TrimEnd();
        var tail = text[(at + separatorLength)..].Trim();
        // Never leave a stub: the rest must still read as a headline.
        if (head.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 2) return false;
        if (!NamesSource(tail, sourceName) && !LooksLikeOutlet(tail)) return false;
        shorter = head;
        return true;
    }

    private static bool NamesSource(string tail, string? sourceName)
    {
        if (string.IsNullOrWhiteSpace(sourceName)) return false;
        var t = Comparable(tail);
        var s = Comparable(sourceName);
        if (t.Length == 0 || s.Length == 0) return false;
        // "Reuters" tail for source "Reuters World News", or "Al Mayadeen English" for source "Al Mayadeen".
        return t == s || ContainsWords(s, t) || ContainsWords(t, s);
    }

    private static bool LooksLikeOutlet(string tail)
    {
        if (KnownOutlets.Contains(tail) || DomainName().IsMatch(tail)) return true;
        var words = tail.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 4) return false;
        // Every word capitalised (a name, not a phrase) and ending in a word outlets use.
        return words.All(w => char.IsUpper(w[0]) || char.IsDigit(w[0]) || w is "of" or "the" or "and")
            && OutletEndings.Contains(words[^1].ToLowerInvariant());
    }

    private static string Comparable(string name) =>
        string.Join(' ', SummaryWords.Of(name.Replace(".com", " ").Replace(".co.uk", " ")));

    private static bool ContainsWords(string longer, string shorter) =>
        (" " + longer + " ").Contains(" " + shorter + " ", StringComparison.Ordinal);
}
