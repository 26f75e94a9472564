namespace NewsBot.Core.Filters;

/// <summary>The parts of an article that filters look at.</summary>
public sealed record ArticleText(string Title, string Body, string SourceName, string? SourceHost);
