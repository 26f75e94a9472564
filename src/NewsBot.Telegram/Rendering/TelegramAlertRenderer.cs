using System.Globalization;
using NewsBot.Core.Alerts;
using Telegram.Bot.Extensions;
using Telegram.Bot.Types.ReplyMarkups;

namespace NewsBot.Telegram.Rendering;

/// <summary>
/// Composes an alert message (composition only; sending is <c>TelegramAlertSender</c>'s job):
/// <code>
/// <b><a href="link">Headline</a></b>
/// Summary
///
/// <i>Source · 29 Nov 2026, 14:05 UTC · ceasefire, gaza · also: Reuters, AP</i>
/// </code>
/// Every piece of feed text is escaped (Bot API "HTML style": &lt; &gt; &amp; must be escaped).
/// Telegram allows 4096 characters after entity parsing (sendMessage); when an alert is longer the
/// summary is shortened at a word, and only plain text is ever cut, so no tag can break.
/// </summary>
public static class TelegramAlertRenderer
{
    public const int MaxMessageLength = 4096;
    private const int MaxHeadlineLength = 500;
    private const int MaxTermsShown = 10;
    private const string Separator = " · ";

    public static RenderedAlert Render(AlertContent alert)
    {
        var headline = TextLength.Shorten(Clean(alert.Headline) is { Length: > 0 } h ? h : Clean(alert.SourceName), MaxHeadlineLength);
        var link = SafeLink(alert.Link);
        var meta = Meta(alert);
        var summary = Clean(alert.Summary, keepNewlines: true);

        // Plain length of the HTML form: headline + "\n" + summary + "\n\n" + meta.
        var fixedHtml = TextLength.Of(headline) + 1 + 2 + TextLength.Of(meta);
        var htmlSummary = TextLength.Shorten(summary, MaxMessageLength - fixedHtml);
        var html = Compose(Bold(headline, link), HtmlText.Escape(htmlSummary), $"<i>{HtmlText.Escape(meta)}</i>");

        // The plain form also shows the link, since it cannot hide it behind the headline.
        var linkLine = link is null ? "" : "\n" + link;
        var fixedPlain = TextLength.Of(headline) + TextLength.Of(linkLine) + 1 + 2 + TextLength.Of(meta);
        var plainSummary = TextLength.Shorten(summary, MaxMessageLength - fixedPlain);
        var plain = Compose(headline + linkLine, plainSummary, meta);
        return new RenderedAlert(html, plain);
    }

    /// <summary>
    /// The alert's one-tap controls as an inline keyboard (Bot API InlineKeyboardMarkup; callback_data 1–64 bytes,
    /// which <see cref="Core.Commands.ReplyButton"/> enforces); null when the alert has none.
    /// </summary>
    public static InlineKeyboardMarkup? Keyboard(AlertContent alert) => alert.Buttons.Count == 0
        ? null
        : new InlineKeyboardMarkup(alert.Buttons.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.CallbackData))));

    private static string Compose(string head, string summary, string meta) =>
        summary.Length == 0 ? $"{head}\n\n{meta}" : $"{head}\n{summary}\n\n{meta}";

    private static string Bold(string headline, string? link) => link is null
        ? $"<b>{HtmlText.Escape(headline)}</b>"
        : $"<b><a href=\"{HtmlText.Escape(link)}\">{HtmlText.Escape(headline)}</a></b>";

    private static string Meta(AlertContent alert)
    {
        var parts = new List<string>();
        if (Clean(alert.SourceName) is { Length: > 0 } source) parts.Add(TextLength.Shorten(source, 100));
        if (alert.Published is { } published)
            parts.Add(published.ToUniversalTime().ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture));
        var terms = alert.MatchedTerms.Select(t => Clean(t)).Where(t => t.Length > 0).Distinct().ToList();
        if (terms.Count > 0)
        {
            var shown = string.Join(", ", terms.Take(MaxTermsShown).Select(t => TextLength.Shorten(t, 50)));
            parts.Add(terms.Count > MaxTermsShown ? $"{shown} +{terms.Count - MaxTermsShown} more" : shown);
        }
        var also = alert.AlsoReportedBy.Select(a => Clean(a)).Where(a => a.Length > 0).Distinct().ToList();
        if (also.Count > 0)
            parts.Add("also: " + string.Join(", ", also.Take(MaxTermsShown).Select(a => TextLength.Shorten(a, 50))) +
                (also.Count > MaxTermsShown ? $" +{also.Count - MaxTermsShown} more" : ""));
        return string.Join(Separator, parts);
    }

    /// <summary>Only http(s) links become clickable; anything else (javascript:, tg:) from a feed is dropped.</summary>
    private static string? SafeLink(string? link) =>
        Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>Collapses whitespace and drops control characters feeds sometimes carry.</summary>
    private static string Clean(string? text, bool keepNewlines = false)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var chars = new System.Text.StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingNewline = false;
        foreach (var c in text.Trim())
        {
            if (c == '\n' && keepNewlines) { pendingNewline = true; continue; }
            if (char.IsWhiteSpace(c)) { pendingSpace = true; continue; }
            if (char.IsControl(c)) continue;
            if (pendingNewline) chars.Append('\n');
            else if (pendingSpace) chars.Append(' ');
            pendingSpace = pendingNewline = false;
            chars.Append(c);
        }
        return chars.ToString();
    }
}
