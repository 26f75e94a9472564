namespace NewsBot.Storage.Entities;

/// <summary>
/// A source that reports a story: one row per (story, source), inserted once in the poll that
/// stores the source's first article of the story. The "also reported by" names of an alert are
/// read from these rows when it is rendered, never kept as a list on the alert, so concurrent polls
/// only ever add rows and cannot overwrite each other's names.
/// </summary>
public sealed class StorySource
{
    public long StoryId { get; set; }
    public Story? Story { get; set; }
    public long SourceId { get; set; }
    public Source? Source { get; set; }

    /// <summary>When the source's first article of the story was stored; the names are listed in this order.</summary>
    public DateTime FirstReportedAt { get; set; }
}
