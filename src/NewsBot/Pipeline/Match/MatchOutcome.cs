using NewsBot.Core.Stories;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Match;

/// <summary>What a poll's new articles meant for chats, staged in the poll's context until it saves.</summary>
/// <param name="Grouped">The new articles that started or joined a story, with their signatures; those whose signature is stored (not a first fetch's backlog) join the story index after the save.</param>
/// <param name="ToEnrich">Matched articles whose alerts wait (up to the enrichment deadline) for page text or a model summary.</param>
public sealed record MatchOutcome(int NewArticles, int NewAlerts, int UpdatedAlerts, IReadOnlyList<(Article Article, StorySignature Signature)> Grouped,
    IReadOnlyList<Article> ToEnrich)
{
    /// <summary>Known stories (the ids they count as) this poll's source reported for the first time; their alerts are flagged for an edit in the poll's transaction.</summary>
    public IReadOnlyList<long> GainedSource { get; init; } = [];

    /// <summary>Stories found to be one event while matching (an article joined several, or another instance merged them): merged after the commit.</summary>
    public IReadOnlyList<(long Survivor, long Absorbed)> Merges { get; init; } = [];

    /// <summary>Members mentioned in shared chats because no private message reaches them (personal filters).</summary>
    public int NewMentions { get; init; }

    /// <summary>Alerts of new stories, not due until the publish after the commit has merged their stories (ArticleMatcher.PublishAsync).</summary>
    public IReadOnlyList<Alert> HeldNewStories { get; init; } = [];
}
