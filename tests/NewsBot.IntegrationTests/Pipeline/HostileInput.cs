using System.Net;
using System.Text;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>
/// Feeds and pages built to be expensive to read, generated in code (never stored as megabytes), in
/// the shape the host test needs: every item says "ceasefire", so a hostile item that got through
/// would become an alert. The parser-level corpus is <c>NewsBot.TestKit.HostileFeeds</c>.
/// </summary>
internal static class HostileInput
{
    public static string Feed(params string[] items) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Hostile</title><link>https://hostile.example/</link>"
        + string.Concat(items) + "</channel></rss>";

    /// <summary>An RSS item; <paramref name="description"/> is raw XML (elements, not escaped text).</summary>
    public static string Item(string? guid = null, string title = "Ceasefire news", string? description = null, string? author = null) =>
        $"<item><title>{WebUtility.HtmlEncode(title)}</title><link>https://hostile.example/{guid ?? "a"}</link>"
        + $"<guid isPermaLink=\"false\">{guid ?? "a"}</guid>"
        + (author is null ? "" : $"<author>{WebUtility.HtmlEncode(author)}</author>")
        + $"<description>{description ?? "A ceasefire report."}</description></item>";

    /// <summary>Elements nested <paramref name="depth"/> deep, as raw XML: 7 bytes a level.</summary>
    public static string NestedElements(int depth) =>
        new StringBuilder(depth * 7 + 16).Insert(0, "<div>", depth).Append("ceasefire").Insert(depth * 5 + 9, "</div>", depth).ToString();

    public static string NestedDivPage(int depth) =>
        "<!doctype html><html><body>" + NestedElements(depth) + "</body></html>";

    /// <summary>Unclosed and misnested inline HTML, escaped in CDATA the way real feeds carry HTML.</summary>
    public static string TagSoup(int tags) =>
        "<![CDATA[" + string.Concat(Enumerable.Repeat("<p><b><i>ceasefire <a href=x><span></b></p>", tags)) + "]]>";

    /// <summary>"Billion laughs": ten levels of entities, each ten of the one before.</summary>
    public static string EntityBomb()
    {
        var dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 10; i++)
            dtd.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        dtd.Append("]>");
        return dtd + "<rss version=\"2.0\"><channel><title>&lol10;</title>" + Item(description: "&lol10;") + "</channel></rss>";
    }
}
