using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;

namespace NewsBot.Sources.Parsing.Xml;

/// <summary>
/// Rewrites feed text so a strict XML reader accepts what feed authors commonly get wrong, without
/// ever letting a DTD run:
/// <list type="bullet">
/// <item>the XML declaration is dropped (the text is already decoded; junk before it no longer breaks the read);</item>
/// <item>the DOCTYPE is dropped with its internal subset, so declared entities are never defined and never
///   expanded (no billion laughs, no external entity reads);</item>
/// <item>HTML named entities (&amp;eacute; &amp;nbsp; …) become numeric references;</item>
/// <item>a '&lt;' that cannot start a tag ("a &lt; b") is escaped;</item>
/// <item>an HTML void element written the HTML way ("&lt;br&gt;", "&lt;img src=…&gt;") is self-closed and its
///   stray end tag dropped (<see cref="HtmlVoidTags"/>), so one "&lt;br&gt;" no longer ends the item;</item>
/// <item>an ampersand that starts no valid reference (a bare "AT&amp;T", an undeclared or DTD-declared
///   entity name) is escaped, so it survives as literal text.</item>
/// </list>
/// CDATA sections, comments and processing instructions are copied untouched.
/// </summary>
public static class XmlTextRepair
{
    private static readonly HashSet<string> XmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    /// <summary>Characters XML 1.0 §2.2 forbids, plus surrogates (checked in pairs) and the BOM.</summary>
    private static readonly SearchValues<char> Unusual = SearchValues.Create(UnusualChars());

    private static readonly SearchValues<char> UnusualOrMarkup = SearchValues.Create(UnusualChars() + "<&");

    /// <remarks>One pass, each character looked at a bounded number of times; <paramref name="ct"/> is checked as it goes.</remarks>
    public static string Repair(string text, CancellationToken ct = default)
    {
        var output = new StringBuilder(text.Length + 64);
        var i = 0;
        var steps = 0;
        var voidTagEnd = -1; // the '>' of a void start tag being copied, to be written as "/>"
        while (i < text.Length)
        {
            if ((++steps & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
            var limit = voidTagEnd >= 0 ? voidTagEnd : text.Length;
            var run = text.AsSpan(i, limit - i).IndexOfAny(UnusualOrMarkup);
            if (run < 0) run = limit - i;
            output.Append(text, i, run);
            i += run;
            if (i == voidTagEnd)
            {
                output.Append("/>");
                (i, voidTagEnd) = (i + 1, -1);
                continue;
            }
            if (i >= text.Length) break;
            if (text[i] == '<' && HtmlVoidTags.TagEnd(text, i, out var isEndTag) is var end and >= 0)
            {
                if (isEndTag)
                {
                    i = end + 1; // dropped: its start tag is self-closed
                    continue;
                }
                output.Append('<');
                (i, voidTagEnd) = (i + 1, end);
                continue;
            }
            i = text[i] switch
            {
                '<' => CopyMarkupDeclaration(text, i, output),
                '&' => RepairReference(text, i, output),
                _ => AppendChar(text, i, output),
            };
        }
        return output.ToString();
    }

    private static string UnusualChars()
    {
        var chars = new StringBuilder("\uFEFF\uFFFE\uFFFF");
        for (var c = '\0'; c < ' '; c++)
            if (c is not ('\t' or '\n' or '\r')) chars.Append(c);
        for (var c = '\uD800'; c <= '\uDFFF'; c++) chars.Append(c);
        return chars.ToString();
    }

    /// <summary>Handles the constructs starting with '&lt;' that must not be scanned for entities; returns the next index.</summary>
    private static int CopyMarkupDeclaration(string text, int i, StringBuilder output)
    {
        var rest = text.AsSpan(i);
        if (rest.StartsWith("<![CDATA[")) return CopyThrough(text, i, "]]>", output);
        if (rest.StartsWith("<!--")) return CopyThrough(text, i, "-->", output);
        if (rest.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && rest.Length > 5 && char.IsWhiteSpace(rest[5]))
            return SkipThrough(text, i, "?>");
        if (rest.StartsWith("<?")) return CopyThrough(text, i, "?>", output);
        if (rest.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)) return SkipDoctype(text, i);
        // "a < b" or "I <3 it" in text: a '<' that cannot start a tag would end the read; it was meant as text.
        var startsTag = rest.Length > 1 && (char.IsLetter(rest[1]) || rest[1] is '/' or '_' or ':' or '!');
        output.Append(startsTag ? "<" : "&lt;");
        return i + 1;
    }

    private static int CopyThrough(string text, int start, string terminator, StringBuilder output)
    {
        var end = SkipThrough(text, start, terminator);
        var i = start;
        while (i < end)
        {
            var run = text.AsSpan(i, end - i).IndexOfAny(Unusual);
            if (run < 0) run = end - i;
            output.Append(text, i, run);
            i += run;
            if (i < end) i = AppendChar(text, i, output);
        }
        return end;
    }

    /// <summary>
    /// Copies one character (or surrogate pair), turning what XML 1.0 §2.2 forbids (control
    /// characters, lone surrogates, U+FFFE/U+FFFF) into a space: the reader rejects them even with
    /// character checking off, and one of them would end the feed. A stray BOM is dropped.
    /// </summary>
    private static int AppendChar(string text, int i, StringBuilder output)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            output.Append(c).Append(text[i + 1]);
            return i + 2;
        }
        if (c != '\uFEFF') output.Append(XmlConvert.IsXmlChar(c) ? c : ' ');
        return i + 1;
    }

    private static int SkipThrough(string text, int start, string terminator)
    {
        var at = text.IndexOf(terminator, start + 2, StringComparison.Ordinal);
        return at < 0 ? text.Length : at + terminator.Length;
    }

    /// <summary>Skips "&lt;!DOCTYPE … [ internal subset ] &gt;", honouring quotes and comments inside the subset.</summary>
    private static int SkipDoctype(string text, int i)
    {
        var inSubset = false;
        char quote = '\0';
        for (i += 9; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (inSubset && text.AsSpan(i).StartsWith("<!--"))
            {
                i = SkipThrough(text, i, "-->") - 1;
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '[') inSubset = true;
            else if (c == ']') inSubset = false;
            else if (c == '>' && !inSubset) return i + 1;
        }
        return text.Length;
    }

    private static int RepairReference(string text, int i, StringBuilder output)
    {
        var semicolon = text.IndexOf(';', i + 1, Math.Min(40, text.Length - i - 1));
        if (semicolon > i + 1)
        {
            var name = text.AsSpan(i + 1, semicolon - i - 1);
            if (IsCharacterReference(name))
            {
                // A reference to a character XML forbids (&#0;, a lone surrogate, beyond U+10FFFF) fails the whole read.
                // "&#X41;" is HTML, not XML (XML 1.0 §4.1 has a lower-case x only): written the XML way.
                if (IsAllowedCodePoint(name)) output.Append(name[1] == 'X' ? "&#x" : "&#").Append(name[(name[1] == 'X' ? 2 : 1)..]).Append(';');
                else output.Append(' ');
                return semicolon + 1;
            }
            if (IsName(name) && XmlEntities.Contains(name.ToString()))
            {
                output.Append(text, i, semicolon - i + 1);
                return semicolon + 1;
            }
            if (IsName(name) && HtmlEntities.Decode(name) is { } decoded)
            {
                foreach (var rune in decoded.EnumerateRunes()) output.Append("&#").Append(rune.Value).Append(';');
                return semicolon + 1;
            }
        }
        output.Append("&amp;");
        return i + 1;
    }

    private static bool IsCharacterReference(ReadOnlySpan<char> name)
    {
        if (name.Length < 2 || name[0] != '#') return false;
        var digits = name[1] is 'x' or 'X' ? name[2..] : name[1..];
        if (digits.Length == 0) return false;
        foreach (var d in digits)
            if (!(name[1] is 'x' or 'X' ? char.IsAsciiHexDigit(d) : char.IsAsciiDigit(d))) return false;
        return true;
    }

    private static bool IsAllowedCodePoint(ReadOnlySpan<char> reference)
    {
        var hex = reference[1] is 'x' or 'X';
        var digits = hex ? reference[2..] : reference[1..];
        if (!int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var codePoint))
            return false;
        return codePoint <= 0x10FFFF && (codePoint > 0xFFFF || XmlConvert.IsXmlChar((char)codePoint));
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.Length == 0 || !char.IsAsciiLetter(name[0])) return false;
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        return true;
    }
}
