namespace NewsBot.Storage.Entities;

/// <summary>
/// A chat's match waiting for coverage: its filter says <c>outlets:N</c> and the story has fewer
/// outlets so far. It becomes an alert when another outlet's article joins the story and the count
/// reaches <see cref="MinOutlets"/>; it goes when its filter, chat or story goes, or when it is
/// older than the story window. One per chat per story.
/// </summary>
public sealed class CoverageHold
{
    public long Id { get; set; }
    public long ChatId { get; set; }
    public long FilterId { get; set; }
    public long StoryId { get; set; }
    public Story? Story { get; set; }

    /// <summary>The chat's latest article of the story that matched; the alert will be for it.</summary>
    public long ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>The filter terms that matched, joined by <see cref="Alert.TermSeparator"/>.</summary>
    public required string MatchedTerms { get; set; }

    /// <summary>Distinct outlets the story needs before the chat is alerted (the filter's <c>outlets:N</c>).</summary>
    public int MinOutlets { get; set; }

    public DateTime CreatedAt { get; set; }
}
