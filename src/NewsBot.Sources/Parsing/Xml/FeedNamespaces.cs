namespace NewsBot.Sources.Parsing.Xml;

/// <summary>Namespace URIs of the feed vocabularies we read.</summary>
public static class FeedNamespaces
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";

    /// <summary>UserLand's namespace for RSS 2.0 elements, used by early RSS 2.0 feeds (and later dropped from the spec).</summary>
    public const string Rss20UserLand = "http://backend.userland.com/rss2";

    /// <summary>The same, as some feeds wrote it.</summary>
    public const string Rss20UserLandShort = "http://backend.userland.com/rss";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Media = "http://search.yahoo.com/mrss/";
    public const string Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";

    /// <summary>
    /// Prefixes feeds often use without declaring them (a copied &lt;media:content&gt; or &lt;dc:creator&gt;).
    /// Binding them up front turns what would be a fatal "undeclared prefix" error into the intended element.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> CommonPrefixes = new Dictionary<string, string>
    {
        ["atom"] = Atom10,
        ["rdf"] = Rdf,
        ["dc"] = DublinCore,
        ["content"] = Content,
        ["media"] = Media,
        ["itunes"] = Itunes,
        ["xhtml"] = Xhtml,
    };
}
