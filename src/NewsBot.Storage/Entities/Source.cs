namespace NewsBot.Storage.Entities;

/// <summary>A feed NewsBot polls, with its fetch state and health.</summary>
public sealed class Source
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Url { get; set; }

    /// <summary>What <see cref="Url"/> holds: a feed, or a web page whose article links are the items.</summary>
    public SourceKind Kind { get; set; }

    /// <summary>
    /// For a <see cref="SourceKind.Page"/> source: the CSS selector of its article links; null means
    /// NewsBot's own detection of the page's main list of article links.
    /// </summary>
    public string? PageLinkSelector { get; set; }

    /// <summary>
    /// SHA-256 (hex) of the last body read whole, so a server that ignores validators but sends the
    /// same bytes again costs no parse.
    /// </summary>
    public string? ContentHash { get; set; }

    /// <summary>Null means NewsBot:Sources:DefaultPollInterval.</summary>
    public TimeSpan? PollInterval { get; set; }

    public bool Paused { get; set; }

    /// <summary>Whether the items present at the first fetch produce alerts (demos) or are only recorded as seen.</summary>
    public bool AlertOnFirstFetch { get; set; }

    public bool FirstFetchDone { get; set; }

    public string? ETag { get; set; }
    public string? LastModified { get; set; }

    public DateTime NextPollAt { get; set; }

    /// <summary>A poll owns the source until this time (claimed by a scheduler, renewed while the poll runs, cleared when its result is recorded).</summary>
    public DateTime? PollClaimedUntil { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }

    /// <summary>When the current run of failures began (the first failed read after a good one); null while the source works.</summary>
    public DateTime? FailingSince { get; set; }

    /// <summary>
    /// Set when the "source failing" notices of the current failure episode were queued, cleared when
    /// the recovery notices are queued: at most one of each per episode, also across restarts.
    /// </summary>
    public DateTime? FailureNoticeAt { get; set; }
    public int LastItemCount { get; set; }

    /// <summary>What the last good read had to cut (read-time caps that bit, in plain words); null when nothing was cut.</summary>
    public string? LastWarning { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>What a source's address holds.</summary>
public enum SourceKind
{
    /// <summary>An RSS, RDF, Atom or JSON Feed document.</summary>
    Feed = 0,

    /// <summary>A web page without a feed: each article link on it is an item, its anchor text the title.</summary>
    Page = 1,
}
