using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsBot.Sources.Parsing.Xml;

/// <summary>
/// Turns the body bytes into text. Order of authority, as browsers and feed readers do it:
/// a byte order mark, then the HTTP Content-Type charset, then the XML declaration's encoding,
/// then UTF-8 (with a windows-1252 fallback when the bytes are not valid UTF-8).
/// </summary>
public static partial class FeedCharset
{
    static FeedCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public static string Decode(byte[] body, string? httpCharset, List<string> problems)
    {
        var (bomEncoding, bomLength) = ByteOrderMark(body);
        if (bomEncoding is not null) return bomEncoding.GetString(body, bomLength, body.Length - bomLength);

        if (!string.IsNullOrWhiteSpace(httpCharset))
        {
            var fromHeader = Lookup(httpCharset);
            if (fromHeader is not null) return fromHeader.GetString(body);
            problems.Add($"charset '{httpCharset}' from the HTTP header is unknown; ignored");
        }

        var declared = DeclaredEncoding(body);
        if (declared is not null)
        {
            var fromProlog = Lookup(declared);
            // A prolog claiming UTF-16 on bytes without a BOM is almost always a lie by a server that re-encoded to UTF-8.
            if (fromProlog is not null && fromProlog is not UnicodeEncoding) return DecodeOrFallback(body, fromProlog, problems);
            if (fromProlog is null) problems.Add($"encoding '{declared}' declared in the XML prolog is unknown; read as UTF-8");
        }
        return DecodeOrFallback(body, Encoding.UTF8, problems);
    }

    private static string DecodeOrFallback(byte[] body, Encoding encoding, List<string> problems)
    {
        if (encoding.CodePage != Encoding.UTF8.CodePage) return encoding.GetString(body);
        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            problems.Add("body is not valid UTF-8; read as windows-1252");
            return Encoding.GetEncoding(1252).GetString(body);
        }
    }

    private static Encoding? Lookup(string label)
    {
        if (label.Length > 64) return null; // the longest registered charset name is 45 characters
        var name = label.Trim().Trim('"', '\'');
        if (name.Equals("utf8", StringComparison.OrdinalIgnoreCase)) name = "utf-8";
        var windows = WindowsCodePageAlias().Match(name);
        Encoding encoding;
        try
        {
            encoding = windows.Success ? Encoding.GetEncoding(int.Parse(windows.Groups[1].Value, CultureInfo.InvariantCulture)) : Encoding.GetEncoding(name);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
        // Servers label windows-1252 text (smart quotes at 0x80-0x9F) as Latin-1 or ASCII; the WHATWG
        // Encoding standard maps those labels to windows-1252 for that reason.
        return encoding.CodePage is 28591 or 20127 ? Encoding.GetEncoding(1252) : encoding;
    }

    [GeneratedRegex(@"^(?:cp|win|windows)[-_]?(125\d)$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex WindowsCodePageAlias();

    private static (Encoding? Encoding, int Length) ByteOrderMark(byte[] b)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return (Encoding.UTF8, 3);
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) return (Encoding.UTF32, 4);
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) return (Encoding.Unicode, 2);
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) return (Encoding.BigEndianUnicode, 2);
        return (null, 0);
    }

    /// <summary>The encoding pseudo-attribute of the XML declaration, read as ASCII from the first bytes.</summary>
    private static string? DeclaredEncoding(byte[] body)
    {
        var head = Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, 512));
        var match = PrologEncoding().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <remarks>Runs on at most 512 characters, and on the linear engine.</remarks>
    [GeneratedRegex("""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""", RegexOptions.NonBacktracking)]
    private static partial Regex PrologEncoding();
}
