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
}
