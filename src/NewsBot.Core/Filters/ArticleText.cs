namespace NewsBot.Core.Filters;

/// <summary>The parts of an article that filters look at.</summary>
public sealed record ArticleText(string Title, string Body, string SourceName, string? SourceHost)
{
    /// <summary>ISO 639-1 code of the article's language (<c>lang:</c> terms), null when unknown.</summary>
    public string? Language { get; init; }
}
