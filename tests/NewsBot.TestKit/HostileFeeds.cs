using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NewsBot.TestKit;

/// <summary>
/// Hostile feed documents generated in code (never stored as megabytes), for the parser's own tests
/// and for host tests that serve them next to an honest feed. Every method returns the body bytes
/// as a server would send them (UTF-8).
/// </summary>
public static class HostileFeeds
{
    public enum Format { Rss, Atom, JsonFeed }

    public static readonly Format[] Formats = [Format.Rss, Format.Atom, Format.JsonFeed];

    /// <summary>
    /// One honest item, then one whose summary nests <paramref name="depth"/> elements (JSON Feed:
    /// arrays) around the word "bottom", then another honest item. ~7 bytes per level.
    /// </summary>
    public static byte[] DeepNesting(Format format, int depth) => format switch
    {
        Format.Rss => Rss(Item("Before", "https://example.com/before") +
                          $"<item><title>Deep</title><link>https://example.com/deep</link><description>{Nest("b", depth, "bottom")}</description></item>" +
                          Item("After", "https://example.com/after")),
        Format.Atom => Atom(Entry("Before", "https://example.com/before") +
                            $"<entry><id>urn:deep</id><title>Deep</title><link href=\"https://example.com/deep\"/><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">{Nest("b", depth, "bottom")}</div></content></entry>" +
                            Entry("After", "https://example.com/after")),
        _ => Json(JsonItem("Before", "https://example.com/before") + "," +
                  $"{{\"id\":\"deep\",\"title\":\"Deep\",\"url\":\"https://example.com/deep\",\"_extra\":{new string('[', depth)}\"bottom\"{new string(']', depth)},\"content_text\":\"bottom\"}}," +
                  JsonItem("After", "https://example.com/after")),
    };

    /// <summary>RSS whose channel-level &lt;description&gt; (outside any item) nests <paramref name="depth"/> elements.</summary>
    public static byte[] DeepFeedLevelElement(int depth) =>
        Bytes($"<rss version=\"2.0\"><channel><title>Deep channel</title><description>{Nest("i", depth, "bottom")}</description>{Item("Honest", "https://example.com/honest")}</channel></rss>");

    /// <summary>One item with a title, author and link of the given lengths, and a summary and content of <paramref name="bodyChars"/> characters each.</summary>
    public static byte[] HugeFields(Format format, int titleChars, int authorChars, int linkChars, int bodyChars = 0)
    {
        var title = Repeat("Headline ", titleChars);
        var author = Repeat("a@", authorChars);
        var link = "https://example.com/" + Repeat("p", linkChars);
        var body = Repeat("word ", bodyChars);
        return format switch
        {
            Format.Rss => Rss($"<item><title>{title}</title><link>{link}</link><guid isPermaLink=\"false\">{Repeat("g", linkChars)}</guid><author>{author}</author><description>{body}</description><content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">{body}</content:encoded></item>"),
            Format.Atom => Atom($"<entry><id>{Repeat("g", linkChars)}</id><title>{title}</title><link href=\"{link}\"/><author><name>{author}</name></author><summary>{body}</summary><content type=\"html\">{body}</content></entry>"),
            _ => Json($"{{\"id\":\"{Repeat("g", linkChars)}\",\"title\":\"{title}\",\"url\":\"{link}\",\"authors\":[{{\"name\":\"{author}\"}}],\"summary\":\"{body}\",\"content_html\":\"{body}\"}}"),
        };
    }

    /// <summary>
    /// <paramref name="count"/> items titled "Item 0", "Item 1", …; when <paramref name="dated"/>, item i
    /// was published i minutes after 2024-01-01 00:00 UTC, so the newest are the LAST in the document.
    /// </summary>
    public static byte[] ManyItems(Format format, int count, bool dated)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var items = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var date = dated ? start.AddMinutes(i) : (DateTimeOffset?)null;
            if (format == Format.JsonFeed && i > 0) items.Append(',');
            items.Append(format switch
            {
                Format.Rss => $"<item><title>Item {i}</title><link>https://example.com/{i}</link>{(date is { } d ? $"<pubDate>{d:R}</pubDate>" : "")}</item>",
                Format.Atom => $"<entry><id>urn:{i}</id><title>Item {i}</title><link href=\"https://example.com/{i}\"/>{(date is { } d ? $"<updated>{d:yyyy-MM-ddTHH:mm:ssZ}</updated>" : "")}</entry>",
                _ => $"{{\"id\":\"{i}\",\"title\":\"Item {i}\",\"url\":\"https://example.com/{i}\"{(date is { } d ? $",\"date_published\":\"{d:yyyy-MM-ddTHH:mm:ssZ}\"" : "")}}}",
            });
        }
        return format switch { Format.Rss => Rss(items.ToString()), Format.Atom => Atom(items.ToString()), _ => Json(items.ToString()) };
    }

    /// <summary>The classic nine-level entity bomb (3 GB if expanded) in a DOCTYPE, used in a title and a description.</summary>
    public static byte[] BillionLaughs()
    {
        var dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++) dtd.Append(CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        dtd.Append(']').Append('>');
        return Bytes($"<?xml version=\"1.0\"?>{dtd}<rss version=\"2.0\"><channel><title>Laughs</title><item><title>&lol9;</title><description>&lol9;</description></item>{Item("Still here", "https://example.com/still")}</channel></rss>");
    }

    /// <summary>An external entity pointing at <paramref name="target"/> (a file or URL) used in an item title.</summary>
    public static byte[] ExternalEntity(string target) =>
        Bytes($"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"{target}\">]><rss version=\"2.0\"><channel><title>XXE</title><item><title>Leak: &xxe;</title></item></channel></rss>");

    /// <summary>
    /// About <paramref name="chars"/> characters of tag soup inside one item, between two honest
    /// items: unclosed and misnested tags, stray '&lt;' and '&amp;', unterminated comments and CDATA
    /// openers, unknown prefixes, unquoted attributes. XML cannot be read past such soup, so the
    /// item before it is what a reader can keep.
    /// </summary>
    public static byte[] TagSoup(int chars)
    {
        string[] pieces = ["<p>", "<b><i>", "</b>", "a < b ", "AT&T ", "&nbsp;", "&bogus;", "<x:y z:w=1>", "<![CDATA[", "<!--", "</i></p>", "<br>", "&#0;", "&#xD800;", "<img src=x", "\u0001", "]]>", "-->", "text "];
        var soup = new StringBuilder(chars + 32);
        for (var i = 0; soup.Length < chars; i++) soup.Append(pieces[(i * 7 + i / pieces.Length) % pieces.Length]);
        return Rss($"{Item("Before soup", "https://example.com/before")}<item><title>Soup</title><description>{soup}</description></item>{Item("After soup", "https://example.com/after")}");
    }

    /// <summary>
    /// Quadratic bait for each pattern and scanning loop of the feed parser: a document whose text
    /// is about n characters (the function's argument), built so a backtracking pattern or a rescanning loop
    /// would cost ~n² while a linear one costs ~n.
    /// </summary>
    public static IReadOnlyDictionary<string, Func<int, byte[]>> QuadraticBait { get; } = new Dictionary<string, Func<int, byte[]>>
    {
        // RssItemAdapter: "mail (Name)" author pattern over "a@@@…".
        ["author a@@@"] = n => Rss($"<item><title>t</title><author>a{new string('@', n)}</author></item>"),
        ["author mail (unclosed"] = n => Rss($"<item><title>t</title><author>a@b ({Repeat("x(", n)}</author></item>"),
        // FeedXmlReader: undeclared-prefix scan over the whole document.
        ["prefix scan"] = n => Rss($"<item><title>t</title><description>{Repeat(" a.b-c_d", n)}</description></item>"),
        ["prefix scan colons"] = n => Rss($"<item><title>t</title><description>{Repeat(" a:a:", n)}</description></item>"),
        // FeedDate: comment pattern and tokenizer over a long "date".
        ["date parentheses"] = n => Rss($"<item><title>t</title><pubDate>{new string('(', n)}</pubDate></item>"),
        ["date tokens"] = n => Rss($"<item><title>t</title><pubDate>{Repeat("1 -", n)}</pubDate></item>"),
        ["iso date spaces"] = n => Atom($"<entry><id>x</id><title>t</title><updated>2024-01-01{new string(' ', n)}x x</updated></entry>"),
        // XmlTextRepair: ampersands, '<' that start nothing, unterminated declarations.
        ["repair ampersands"] = n => Rss($"<item><title>t</title><description>{new string('&', n)}</description></item>"),
        ["repair lone lt"] = n => Rss($"<item><title>t</title><description>{Repeat("< ", n)}</description></item>"),
        ["repair processing instructions"] = n => Rss($"<item><title>t</title><description>{Repeat("<?", n)}</description></item>"),
        ["repair doctype subset"] = n => Bytes($"<!DOCTYPE rss [{Repeat("<!--", n)}]><rss><channel></channel></rss>"),
        // HtmlEntities / TitleText: entity-heavy title.
        ["title entities"] = n => Rss($"<item><title>{Repeat("&amp;lt;b&amp;gt;", n)}</title></item>"),
        // AtomText: html title made of tags.
        ["atom html title"] = n => Atom($"<entry><id>x</id><title type=\"html\">{Repeat("&lt;b&gt;", n)}</title></entry>"),
        // FeedCharset: declaration with a long run before "encoding".
        ["charset prolog"] = n => Bytes($"<?xml version=\"1.0\"{new string(' ', n)} encoding=\"utf-8\"?><rss><channel></channel></rss>"),
        // JSON Feed: an escaped title far over its cap.
        ["json escaped title"] = n => Json($"{{\"id\":\"1\",\"title\":\"{Repeat("\\u00e9\\\\", n)}\"}}"),
    };

    /// <summary>Every document above at a size an attacker can send well under a 10 MiB body cap, by name; each body is built only when asked for.</summary>
    public static IEnumerable<(string Name, Func<byte[]> Body)> Corpus()
    {
        foreach (var format in Formats)
        {
            foreach (var depth in new[] { 10, 1_000, 20_000, 100_000 })
                yield return ($"{format} nesting {depth}", () => DeepNesting(format, depth));
            yield return ($"{format} 4 MB title", () => HugeFields(format, 4_000_000, 10, 10));
            yield return ($"{format} 4 MB author", () => HugeFields(format, 10, 4_000_000, 10));
            yield return ($"{format} 1 MB link", () => HugeFields(format, 10, 10, 1_000_000));
            yield return ($"{format} 2 MB body", () => HugeFields(format, 10, 10, 10, 2_000_000));
            yield return ($"{format} 20,000 items", () => ManyItems(format, 20_000, dated: true));
        }
        yield return ("RSS channel nesting 100,000", () => DeepFeedLevelElement(100_000));
        yield return ("billion laughs", () => BillionLaughs());
        yield return ("external entity", () => ExternalEntity("file:///etc/passwd"));
        yield return ("tag soup 1 MB", () => TagSoup(1_000_000));
        foreach (var (name, bait) in QuadraticBait) yield return ($"bait {name}", () => bait(200_000));
    }

    /// <summary>A gzip body of a few KB that inflates to <paramref name="inflatedBytes"/> of zeros.</summary>
    public static byte[] GzipBomb(int inflatedBytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[64 * 1024];
            for (var written = 0; written < inflatedBytes; written += zeros.Length)
                gzip.Write(zeros, 0, Math.Min(zeros.Length, inflatedBytes - written));
        }
        return output.ToArray();
    }

    /// <summary><paramref name="unit"/> repeated to about <paramref name="chars"/> characters (at least once).</summary>
    public static string Repeat(string unit, int chars)
    {
        var text = new StringBuilder(chars + unit.Length);
        do text.Append(unit); while (text.Length < chars);
        return text.ToString();
    }

    /// <summary>Wraps items in an RSS 2.0 document.</summary>
    public static byte[] Rss(string items) =>
        Bytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Hostile</title><link>https://example.com/</link>{items}</channel></rss>");

    /// <summary>Wraps entries in an Atom 1.0 document.</summary>
    public static byte[] Atom(string entries) =>
        Bytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Hostile</title><link href=\"https://example.com/\"/>{entries}</feed>");

    /// <summary>Wraps comma-separated item objects in a JSON Feed 1.1 document.</summary>
    public static byte[] Json(string items) =>
        Bytes($"{{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Hostile\",\"home_page_url\":\"https://example.com/\",\"items\":[{items}]}}");

    private static string Item(string title, string link) => $"<item><title>{title}</title><link>{link}</link></item>";

    private static string Entry(string title, string link) => $"<entry><id>{link}</id><title>{title}</title><link href=\"{link}\"/></entry>";

    private static string JsonItem(string title, string link) => $"{{\"id\":\"{link}\",\"title\":\"{title}\",\"url\":\"{link}\"}}";

    private static string Nest(string tag, int depth, string inner)
    {
        var text = new StringBuilder(depth * (2 * tag.Length + 5) + inner.Length);
        for (var i = 0; i < depth; i++) text.Append('<').Append(tag).Append('>');
        text.Append(inner);
        for (var i = 0; i < depth; i++) text.Append("</").Append(tag).Append('>');
        return text.ToString();
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
