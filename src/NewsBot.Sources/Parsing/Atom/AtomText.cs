using System.Net;
using System.Text;
using System.Xml.Linq;
using NewsBot.Sources.Parsing.Xml;

namespace NewsBot.Sources.Parsing.Atom;

/// <summary>
/// An Atom text construct (title, summary, content) with its kind resolved: Atom 1.0 type
/// text/html/xhtml (RFC 4287 §3.1), Atom 0.3 MIME types with mode xml/escaped/base64.
/// </summary>
internal sealed record AtomText(string Value, AtomText.Kind Type)
{
    public enum Kind { Text, Html, Xhtml }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static AtomText? Read(XElement? element)
    {
        if (element is null || element.Attribute("src") is not null) return null; // out-of-line content: nothing to read here
        var type = ((string?)element.Attribute("type") ?? "text").Trim().ToLowerInvariant();
        var mode = ((string?)element.Attribute("mode") ?? "").Trim().ToLowerInvariant();
        if (mode == "base64" && Base64(ElementText.PlainText(element), type) is { } decoded) return decoded;
        if (type.Contains("xhtml") || (mode == "xml" && type.Contains("html")) || (type == "text" && element.HasElements))
            return NonBlank(XhtmlMarkup(element), Kind.Xhtml);
        if (type.Contains("html")) return NonBlank(ElementText.PlainText(element), Kind.Html);
        var text = ElementText.PlainText(element);
        // RFC 4287 §4.1.3.3: any other media type is base64 inline. Text that decodes to UTF-8 is read
        // decoded; an image, audio or video body is nothing to show; anything else (an invented type,
        // "plain", "application/x-custom") gives its text, which beats a blank title.
        if (type.Contains('/') && !type.StartsWith("text/", StringComparison.Ordinal) && !type.EndsWith("xml", StringComparison.Ordinal))
        {
            if (Base64(text, type) is { } inline) return inline;
            if (type.StartsWith("image/", StringComparison.Ordinal) || type.StartsWith("audio/", StringComparison.Ordinal) || type.StartsWith("video/", StringComparison.Ordinal))
                return null;
        }
        return NonBlank(text, Kind.Text);
    }

    public string ToHtml() => Type == Kind.Text ? WebUtility.HtmlEncode(Value) : Value;

    public string ToPlainTitle() => Type == Kind.Text ? TitleText.FromPlain(Value) : TitleText.FromHtml(Value);

    /// <summary>RFC 4287 §3.1.1.3: xhtml content is a single xhtml:div whose contents are the markup.</summary>
    private static string XhtmlMarkup(XElement element)
    {
        var children = element.Elements().ToList();
        var div = children.Count == 1 && children[0].Name.LocalName == "div" ? children[0] : element;
        return ElementText.InnerMarkup(div);
    }

    private static AtomText? Base64(string value, string type)
    {
        try
        {
            var decoded = StrictUtf8.GetString(Convert.FromBase64String(value.Trim()));
            if (decoded.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c))) return null; // binary that happens to be UTF-8
            return NonBlank(decoded, type.Contains("html") ? Kind.Html : Kind.Text);
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static AtomText? NonBlank(string value, Kind kind) =>
        string.IsNullOrWhiteSpace(value) ? null : new AtomText(value.Trim(), kind);
}
