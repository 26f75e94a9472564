using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsBot.TestKit.Telegram;

/// <summary>A formatting entity the fake found in a message, with the text it covers.</summary>
public sealed record FakeEntity(string Type, string Text, string? Url = null);

/// <summary>The result of parsing HTML-style text: the plain text and entities, or Telegram's error.</summary>
public sealed record FakeHtmlResult(string PlainText, IReadOnlyList<FakeEntity> Entities, string? Error);

/// <summary>
/// Parses parse_mode=HTML text the way the Bot API documents it ("HTML style"): only the listed
/// tags, properly nested, and every &lt; &gt; &amp; outside a tag escaped; the only named entities
/// are &amp;lt; &amp;gt; &amp;amp; &amp;quot;, numeric ones are accepted. Errors use the wording
/// of the Bot API server ("Unsupported start tag "x" at byte offset N", …). It is deliberately at
/// least as strict as the documentation, so text that passes here passes on Telegram.
/// </summary>
public static partial class FakeTelegramHtml
{
    private static readonly Dictionary<string, string> EntityTypes = new(StringComparer.Ordinal)
    {
        ["b"] = "bold", ["strong"] = "bold", ["i"] = "italic", ["em"] = "italic",
        ["u"] = "underline", ["ins"] = "underline", ["s"] = "strikethrough", ["strike"] = "strikethrough",
        ["del"] = "strikethrough", ["span"] = "spoiler", ["tg-spoiler"] = "spoiler", ["a"] = "text_link",
        ["tg-emoji"] = "custom_emoji", ["tg-time"] = "date_time", ["code"] = "code", ["pre"] = "pre",
        ["blockquote"] = "blockquote",
    };

    public static FakeHtmlResult Parse(string html)
    {
        var plain = new StringBuilder();
        var entities = new List<FakeEntity>();
        var open = new Stack<(string Name, int Start, string? Url)>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = TagEnd(html, i);
                if (end < 0) return Fail($"Unclosed start tag at byte offset {Offset(html, i)}");
                var inner = html[(i + 1)..end];
                if (inner.StartsWith('/'))
                {
                    var name = inner[1..].Trim().ToLowerInvariant();
                    if (open.Count == 0) return Fail($"Unexpected end tag at byte offset {Offset(html, i)}");
                    var top = open.Pop();
                    if (top.Name != name)
                        return Fail($"Unmatched end tag at byte offset {Offset(html, i)}, expected \"</{top.Name}>\", found \"</{name}>\"");
                    // Bot API "HTML style": <a href="tg://user?id=123"> is an inline mention of a user, a text_mention entity.
                    var type = top.Name == "a" && top.Url?.StartsWith("tg://user?id=", StringComparison.Ordinal) == true ? "text_mention" : EntityTypes[top.Name];
                    entities.Add(new FakeEntity(type, plain.ToString(top.Start, plain.Length - top.Start), top.Url));
                }
                else
                {
                    var match = StartTag().Match(inner);
                    var name = match.Success ? match.Groups["name"].Value.ToLowerInvariant() : inner.Split(' ')[0];
                    if (!match.Success || !EntityTypes.ContainsKey(name))
                        return Fail($"Unsupported start tag \"{name}\" at byte offset {Offset(html, i)}");
                    var attributes = Attributes(match.Groups["attrs"].Value);
                    if (attributes is null) return Fail($"Invalid attributes of tag \"{name}\" at byte offset {Offset(html, i)}");
                    if (name == "span" && attributes.GetValueOrDefault("class") != "tg-spoiler")
                        return Fail($"Tag \"span\" must have class \"tg-spoiler\" at byte offset {Offset(html, i)}");
                    open.Push((name, plain.Length, name == "a" ? attributes.GetValueOrDefault("href") : null));
                }
                i = end + 1;
            }
            else if (c == '&')
            {
                var decoded = Entity(html, i, out var length);
                if (decoded is null) return Fail($"Unsupported HTML entity at byte offset {Offset(html, i)}");
                plain.Append(decoded);
                i += length;
            }
            else if (c == '>')
            {
                return Fail($"Character '>' is reserved and must be escaped with \"&gt;\" at byte offset {Offset(html, i)}");
            }
            else
            {
                plain.Append(c);
                i++;
            }
        }
        if (open.Count > 0) return Fail($"Can't find end tag corresponding to start tag \"{open.Peek().Name}\"");
        return new FakeHtmlResult(plain.ToString(), entities, null);
    }

    /// <summary>The index of the '&gt;' closing the tag at <paramref name="start"/>, skipping quoted attribute values.</summary>
    private static int TagEnd(string html, int start)
    {
        char? quote = null;
        for (var j = start + 1; j < html.Length; j++)
        {
            var c = html[j];
            if (quote is { } q) { if (c == q) quote = null; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '<') return -1;
            else if (c == '>') return j;
        }
        return -1;
    }

    private static Dictionary<string, string>? Attributes(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = text.Trim();
        foreach (Match m in Attribute().Matches(rest))
        {
            var raw = m.Groups["value"].Success ? m.Groups["value"].Value.Trim('"', '\'') : "";
            var value = new StringBuilder();
            for (var k = 0; k < raw.Length;)
            {
                if (raw[k] != '&') { value.Append(raw[k++]); continue; }
                var decoded = Entity(raw, k, out var length);
                if (decoded is null) return null;
                value.Append(decoded);
                k += length;
            }
            result[m.Groups["name"].Value.ToLowerInvariant()] = value.ToString();
            rest = rest.Replace(m.Value, "", StringComparison.Ordinal);
        }
        return rest.Trim().Length == 0 ? result : null;
    }

    private static string? Entity(string text, int at, out int length)
    {
        length = 0;
        var semicolon = text.IndexOf(';', at);
        if (semicolon < 0 || semicolon - at > 10) return null;
        var name = text[(at + 1)..semicolon];
        length = semicolon - at + 1;
        switch (name)
        {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
        }
        if (name.StartsWith("#x", StringComparison.OrdinalIgnoreCase) &&
            int.TryParse(name[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) && Rune.IsValid(hex))
            return new Rune(hex).ToString();
        if (name.StartsWith('#') && int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var dec) && Rune.IsValid(dec))
            return new Rune(dec).ToString();
        return null;
    }

    private static int Offset(string text, int index) => Encoding.UTF8.GetByteCount(text.AsSpan(0, index));

    private static FakeHtmlResult Fail(string error) => new("", [], error);

    [GeneratedRegex(@"^(?<name>[a-zA-Z][a-zA-Z0-9-]*)(?<attrs>(\s.*)?)$", RegexOptions.Singleline)]
    private static partial Regex StartTag();

    [GeneratedRegex(@"(?<name>[a-zA-Z][a-zA-Z0-9_-]*)(\s*=\s*(?<value>""[^""]*""|'[^']*'|[^\s""'=<>`]+))?")]
    private static partial Regex Attribute();
}
