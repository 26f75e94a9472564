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

    public static XmlReader Create(string repairedText)
    {
        var names = new NameTable();
        var namespaces = new XmlNamespaceManager(names);
        foreach (var (prefix, uri) in FeedNamespaces.CommonPrefixes) namespaces.AddNamespace(prefix, uri);
        // Any other prefix used without a declaration would end the read at its first use; bind it to
        // a placeholder. Declarations in the document still take precedence over these bindings.
        foreach (var prefix in UsedPrefixes(repairedText).Where(p => namespaces.LookupNamespace(p) is null))
            namespaces.AddNamespace(prefix, "urn:x-undeclared-prefix:" + prefix);
        var context = new XmlParserContext(names, namespaces, null, XmlSpace.None);
        return XmlReader.Create(new StringReader(repairedText), Settings, context);
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
}
