using System.Xml;

namespace NewsBot.Sources.Parsing.Xml;

/// <summary>The one place that creates XML readers for feeds, so every format gets the same safe settings.</summary>
public static class FeedXmlReader
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
        var context = new XmlParserContext(names, namespaces, null, XmlSpace.None);
        return XmlReader.Create(new StringReader(repairedText), Settings, context);
    }
}
