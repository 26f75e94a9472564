using System.Text.RegularExpressions;
using System.Xml;

namespace NewsBot.Sources.Parsing.Xml;

/// <summary>The one place that creates XML readers for feeds, so every format gets the same safe settings.</summary>
public static partial class FeedXmlReader
{
    /// <summary>
    /// DTDs are ignored, never processed, and there is no resolver: no entity is expanded and no file
    /// or URL is ever opened (OWASP XXE prevention cheat sheet, .NET section). The DOCTYPE is also
    /// removed beforehand by <see cref="XmlTextRepair"/>; this is the second line of defence.
    /// </summary>
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        CheckCharacters = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    };

    /// <summary>A reader over the whole repaired document.</summary>
    public static XmlReader Create(string repairedText) => Create(new StringReader(repairedText), PrefixFallbacks(repairedText));

    /// <summary>
    /// A reader over <paramref name="input"/> in which <paramref name="fallbacks"/> bind the prefixes the
    /// document may use without declaring them; declarations in the document take precedence.
    /// </summary>
    internal static XmlReader Create(TextReader input, IReadOnlyDictionary<string, string> fallbacks)
    {
        var names = new NameTable();
        var context = new XmlParserContext(names, new FallbackNamespaceManager(names, fallbacks), null, XmlSpace.None);
        return XmlReader.Create(input, Settings, context);
    }

    /// <summary>
    /// The common prefixes (<see cref="FeedNamespaces.CommonPrefixes"/>) and a placeholder for any other
    /// prefix the text uses: without a binding, an undeclared prefix would end the read at its first use.
    /// Computed once per document, so a reader resumed after a broken item costs nothing per prefix.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> PrefixFallbacks(string repairedText)
    {
        var fallbacks = new Dictionary<string, string>(FeedNamespaces.CommonPrefixes, StringComparer.Ordinal);
        foreach (var prefix in UsedPrefixes(repairedText)) fallbacks.TryAdd(prefix, "urn:x-undeclared-prefix:" + prefix);
        return fallbacks;
    }

    /// <summary>An honest feed uses a dozen prefixes; binding thousands would only cost time.</summary>
    private const int MaxPrefixes = 1_000;

    private static IEnumerable<string> UsedPrefixes(string text) =>
        PrefixedName().Matches(text).Select(m => m.Groups[1].Value)
            .Where(p => p is not ("xml" or "xmlns")).Distinct(StringComparer.Ordinal).Take(MaxPrefixes);

    /// <summary>
    /// "&lt;prefix:name" or "&lt;/prefix:name" or " prefix:name" (an attribute). It runs over the whole
    /// document, so it uses the linear engine (which has no lookaround): a stray "a:b" in text binds
    /// a harmless extra prefix, since document declarations take precedence.
    /// </summary>
    [GeneratedRegex(@"(?:</?|\s)([A-Za-z_][\w.-]{0,99}):[A-Za-z_]", RegexOptions.NonBacktracking)]
    private static partial Regex PrefixedName();

    /// <summary>Looks a prefix up in the document's own declarations first, then in the fallbacks.</summary>
    private sealed class FallbackNamespaceManager(XmlNameTable names, IReadOnlyDictionary<string, string> fallbacks) : XmlNamespaceManager(names)
    {
        public override string? LookupNamespace(string prefix) =>
            base.LookupNamespace(prefix) ?? (fallbacks.TryGetValue(prefix, out var uri) ? NameTable!.Add(uri) : null);
    }
}
