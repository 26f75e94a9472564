namespace NewsBot.Sources.Parsing;

/// <summary>
/// Every read-time cap of the feed parser, in one place. A feed is written by a stranger: each cap
/// is applied while the document is read (never by building a huge value and cutting it after),
/// and each one that bites adds a line to <see cref="ParsedFeed.Truncations"/> via <see cref="TruncationNotes"/>.
/// The figures sit far above what honest feeds use, so a cap biting says something about the feed.
/// </summary>
public static class FeedLimits
{
    /// <summary>
    /// Items kept per fetch: the newest by published date when items carry dates, else the first in
    /// document order (feeds list newest first). Busy news feeds carry 20–100 items; 500 keeps a
    /// generous backlog without letting a 20,000-item feed fill the article table on every poll.
    /// </summary>
    public const int MaxItems = 500;

    /// <summary>
    /// Elements nested below an item (or below a feed-level element) deeper than this are flattened:
    /// their tags are dropped, their text kept. Real item HTML rarely nests past 15; a stack overflow
    /// needed ~20,000 levels, and nothing downstream ever walks deeper than this.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>Elements kept per item; later ones are flattened like over-deep ones (text kept, tags dropped).</summary>
    public const int MaxElementsPerItem = 5_000;

    /// <summary>All text read for one item, whatever its fields: bounds the fields no cap below names (categories, enclosures, extensions).</summary>
    public const int MaxItemChars = 300_000;

    /// <summary>
    /// A headline as plain text. Telegram shows up to 4,096 characters per message and Discord embed
    /// titles stop at 256 (the Discord adapter shortens further); real headlines stay under ~200.
    /// 500 leaves room for long honest titles and keeps a hostile one from filling a message.
    /// </summary>
    public const int MaxTitleChars = 500;

    /// <summary>Raw title markup read before it becomes text: titles may carry escaped HTML, so some room above <see cref="MaxTitleChars"/>.</summary>
    public const int MaxTitleMarkupChars = 4 * MaxTitleChars;

    /// <summary>An author name ("Jane Doe", "jane@example.com (Jane Doe)"); bylines with several names fit.</summary>
    public const int MaxAuthorChars = 200;

    /// <summary>
    /// A link, the de-facto URL length limit (browsers, CDNs, the sitemaps protocol) and the width of
    /// the stored source URL. A longer link is dropped, not cut: a cut URL points somewhere else.
    /// </summary>
    public const int MaxLinkChars = 2_048;

    /// <summary>An item id / guid. Only its hash is stored, so a longer one is cut, not dropped.</summary>
    public const int MaxIdChars = 2_048;

    /// <summary>
    /// Summary or content HTML. The article stage keeps 20,000 characters of text
    /// (ArticleNormalizer.MaxTextLength in the host); markup commonly triples the size of its text,
    /// so 100,000 characters of HTML leave that figure intact for honest items.
    /// </summary>
    public const int MaxHtmlChars = 100_000;

    /// <summary>Any other field (dates, categories, one attribute value). A date is ~30 characters, a URL attribute up to <see cref="MaxLinkChars"/>.</summary>
    public const int MaxOtherChars = 4_096;

    /// <summary>Attributes kept per element; an honest feed element has fewer than ten.</summary>
    public const int MaxAttributes = 32;

    /// <summary>Problem lines kept per parse (one per bad date in a 20,000-item feed would bury the useful ones).</summary>
    public const int MaxProblems = 50;

    /// <summary>
    /// Structural errors read past per parse (each resumes at the next item). An honest broken feed has
    /// a few; every one costs a new reader, so a document made of nothing but errors stops here.
    /// </summary>
    public const int MaxRecoveries = 2_000;

    /// <summary>A figure for a truncation note, "20,000", whatever the machine's culture.</summary>
    public static string Figure(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Text read for one element at field level (a direct child of an item, or a feed-level element),
    /// chosen by its local name before its text is read, so an oversized field is never built whole.
    /// </summary>
    public static int MaxFieldChars(string localName) => IsReadField(localName) ? ReadFieldChars(localName) : MaxOtherChars;

    /// <summary>The local names of the fields some format reads (anything else is kept only within <see cref="MaxOtherChars"/>).</summary>
    public static bool IsReadField(string localName) => localName is "title" or "author" or "creator" or "link" or "guid" or "id"
        or "description" or "encoded" or "summary" or "content" or "group" or "pubDate" or "date" or "updated" or "published"
        or "issued" or "modified" or "name";

    private static int ReadFieldChars(string localName) => localName switch
    {
        "title" => MaxTitleMarkupChars,
        // Atom puts name/email/uri inside <author>; RSS has author, dc:creator; JSON Feed authors.
        "author" or "creator" => 2 * MaxOtherChars,
        "link" or "guid" or "id" => MaxOtherChars,
        // description, content:encoded, summary, Atom content, media:group/content/description.
        "description" or "encoded" or "summary" or "content" or "group" => MaxHtmlChars,
        _ => MaxOtherChars,
    };
}
