namespace NewsBot.Storage.Entities;

/// <summary>
/// An item seen in a source. Stored once: the unique (SourceId, IdentityHash) key makes
/// "inserted" mean "new", so a changed title later is not a new article.
/// </summary>
public sealed class Article
{
    public long Id { get; set; }
    public long SourceId { get; set; }
    public Source? Source { get; set; }

    /// <summary>SHA-256 (hex) of the item identity: GUID/id, else canonical link, else title + published.</summary>
    public required string IdentityHash { get; set; }

    public required string Title { get; set; }
    public string? Link { get; set; }

    /// <summary>Plain text of the item (description or content), one paragraph per line, capped.</summary>
    public required string Text { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>
    /// ISO 639-1 code ("ar", "en") of the article's language: the item's declared language, else the feed's,
    /// else detected; null when unknown. Set once at ingest; <c>lang:</c> filters read it.
    /// </summary>
    public string? Language { get; set; }
    public DateTime FetchedAt { get; set; }

    public long? StoryId { get; set; }
    public Story? Story { get; set; }

    /// <summary>MinHash signature of headline + lead, kept so the story index can be rebuilt at start.</summary>
    public byte[]? StorySignature { get; set; }

    /// <summary>
    /// The optional embedding model's vector of headline + lead (1 version byte, then float16 values),
    /// kept so the story index re-attaches it at start; null without a model or when the model failed.
    /// </summary>
    public byte[]? StoryEmbedding { get; set; }

    /// <summary>Text extracted from the article page, fetched only for matched articles whose feed text is too thin.</summary>
    public string? PageText { get; set; }

    /// <summary>When the page was fetched (or the fetch failed); set once so a page is fetched at most once.</summary>
    public DateTime? PageCheckedAt { get; set; }

    /// <summary>A language-model summary, when that optional summarizer is on; cached per article.</summary>
    public string? ModelSummary { get; set; }
}
