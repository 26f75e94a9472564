namespace NewsBot.Core.Filters.Normalization;

/// <summary>An article folded and tokenized once, then checked against any number of filters.</summary>
public sealed class ArticleAnalysis
{
    private ArticleAnalysis(AnalyzedText title, AnalyzedText body, string sourceName, string sourceHost, string? language)
    {
        Language = language;
        Title = title;
        Body = body;
        SourceName = sourceName;
        SourceHost = sourceHost;
    }

    public AnalyzedText Title { get; }
    public AnalyzedText Body { get; }

    /// <summary>Folded source name.</summary>
    public string SourceName { get; }

    /// <summary>Folded source host, empty when unknown.</summary>
    public string SourceHost { get; }

    /// <summary>ISO 639-1 code of the article's language, null when unknown (<c>lang:</c> terms).</summary>
    public string? Language { get; }

    /// <summary>Gives the analysis buffers back for the next article (the index does, once matched); the analysis is unusable afterwards.</summary>
    internal void ReturnBuffers()
    {
        Title.ReturnBuffers();
        Body.ReturnBuffers();
    }

    public static ArticleAnalysis Of(ArticleText article) => new(
        AnalyzedText.Analyze(article.Title ?? ""),
        AnalyzedText.Analyze(article.Body ?? ""),
        TextFolding.Fold(article.SourceName ?? ""),
        TextFolding.Fold(article.SourceHost ?? ""),
        article.Language);
}
