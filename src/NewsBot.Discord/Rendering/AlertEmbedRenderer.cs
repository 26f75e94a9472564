using System.Globalization;
using NewsBot.Core.Alerts;
using NewsBot.Discord.Rest;

namespace NewsBot.Discord.Rendering;

/// <summary>
/// One alert as one embed: the headline as a linked title, the summary as description, and
/// "source · time · matched: terms" as footer, with the publication time as the embed timestamp.
/// Kept within Discord's embed limits (see <see cref="EmbedLimits"/>); the summary gives way first.
/// </summary>
public static class AlertEmbedRenderer
{
    /// <summary>A calm blue so alerts are recognisable in a busy channel.</summary>
    private const int Color = 0x3B82F6;

    public static DiscordMessageBody Render(AlertContent alert) => new() { Embeds = [RenderEmbed(alert)] };

    /// <summary>
    /// The alert with its one-tap controls as buttons (custom_id = the command text a press runs). Only the bot's
    /// own messages carry them: a webhook not owned by the application cannot send interactive components.
    /// </summary>
    public static DiscordMessageBody RenderWithButtons(AlertContent alert) => Render(alert) with { Components = Buttons(alert) };

    private static List<DiscordActionRow>? Buttons(AlertContent alert)
    {
        var rows = alert.Buttons.Take(5)
            .Select(row => new DiscordActionRow(row.Take(DiscordActionRow.MaxButtons)
                .Where(b => b.CallbackData.Length <= DiscordButton.MaxCustomIdLength)
                .Select(b => new DiscordButton(EmbedLimits.Fit(b.Label, DiscordButton.MaxLabelLength), b.CallbackData)).ToList()))
            .Where(row => row.Components.Count > 0).ToList();
        return rows.Count == 0 ? null : rows;
    }

    public static DiscordEmbed RenderEmbed(AlertContent alert)
    {
        var title = EmbedLimits.Fit(string.IsNullOrWhiteSpace(alert.Headline) ? "(untitled)" : alert.Headline, EmbedLimits.Title);
        var footer = EmbedLimits.Fit(Footer(alert), EmbedLimits.FooterText);
        var room = EmbedLimits.Total - EmbedLimits.Counted(title) - EmbedLimits.Counted(footer);
        var description = EmbedLimits.Fit(alert.Summary, Math.Min(EmbedLimits.Description, room));
        return new DiscordEmbed
        {
            Title = title,
            Url = LinkOrNull(alert.Link),
            Description = description.Length == 0 ? null : description,
            Timestamp = alert.Published?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Color = Color,
            Footer = new EmbedFooter(footer),
        };
    }

    private static string Footer(AlertContent alert)
    {
        var parts = new List<string>(3);
        if (!string.IsNullOrWhiteSpace(alert.SourceName)) parts.Add(alert.SourceName.Trim());
        if (alert.Published is { } published)
            parts.Add(published.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        if (alert.MatchedTerms.Count > 0) parts.Add("matched: " + string.Join(", ", alert.MatchedTerms));
        if (alert.AlsoReportedBy.Count > 0) parts.Add("also: " + string.Join(", ", alert.AlsoReportedBy));
        return parts.Count == 0 ? "NewsBot" : string.Join(" · ", parts);
    }

    /// <summary>Discord refuses an embed whose url is not http(s) (50035), so anything else is left out.</summary>
    private static string? LinkOrNull(string? link) =>
        Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.AbsoluteUri.Length <= 2048
            ? uri.AbsoluteUri
            : null;
}
