using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace NewsBot.Admin;

/// <summary>
/// Markup that is already safe to send. Built with <see cref="H"/> from an interpolated string, where
/// every hole is HTML-encoded unless it is itself <see cref="SafeHtml"/>: forgetting to encode a
/// source name or a chat title is then impossible rather than a matter of care.
/// </summary>
public readonly record struct SafeHtml(string Value)
{
    public static readonly SafeHtml Empty = new("");

    public static SafeHtml H(SafeHtmlHandler html) => html.ToSafeHtml();

    public static SafeHtml Join(IEnumerable<SafeHtml> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public override string ToString() => Value;
}

[InterpolatedStringHandler]
public ref struct SafeHtmlHandler
{
    private readonly StringBuilder _text;

    public SafeHtmlHandler(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength + formattedCount * 16);

    public void AppendLiteral(string s) => _text.Append(s);

    public void AppendFormatted(SafeHtml html) => _text.Append(html.Value);

    public void AppendFormatted(IEnumerable<SafeHtml> parts)
    {
        foreach (var p in parts) _text.Append(p.Value);
    }

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        var text = value is IFormattable f ? f.ToString(format, CultureInfo.InvariantCulture) : value?.ToString();
        if (text is not null) _text.Append(HtmlEncoder.Default.Encode(text));
    }

    public SafeHtml ToSafeHtml() => new(_text.ToString());
}
