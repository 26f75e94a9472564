namespace NewsBot.Core.Alerts;

/// <summary>What one alert shows, independent of the platform that renders it.</summary>
public sealed record AlertContent(
    string Headline,
    string Summary,
    string SourceName,
    DateTimeOffset? Published,
    string? Link,
    IReadOnlyList<string> MatchedTerms)
{
    /// <summary>Other sources that reported the same story after this alert ("also: Reuters, AP").</summary>
    public IReadOnlyList<string> AlsoReportedBy { get; init; } = [];

    /// <summary>
    /// One-tap controls under the alert ("Mute this story", "Pause 1 h", "Why?"): Telegram inline keyboard rows,
    /// Discord action rows. A press runs the button's command text like a typed command, with the same rights.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Commands.ReplyButton>> Buttons { get; init; } = [];
}
