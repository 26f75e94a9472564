namespace NewsBot.Sources.Parsing.Xml;

/// <summary>Spots an HTML page (a site's home page, a login wall, an error page) before it reaches the XML reader.</summary>
public static class HtmlSniffer
{
    public static bool LooksLikeHtml(ReadOnlySpan<char> start)
    {
        var head = SkipPrologAndComments(start);
        return head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<head", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<body", StringComparison.OrdinalIgnoreCase);
    }

    private static ReadOnlySpan<char> SkipPrologAndComments(ReadOnlySpan<char> text)
    {
        while (true)
        {
            text = text.TrimStart();
            var terminator = text.StartsWith("<?") ? "?>" : text.StartsWith("<!--") ? "-->" : null;
            if (terminator is null) return text;
            var end = text.IndexOf(terminator);
            if (end < 0) return [];
            text = text[(end + terminator.Length)..];
        }
    }
}
