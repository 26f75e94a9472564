using Microsoft.Extensions.Options;
using NewsBot.Core.Stories;

namespace NewsBot.Pipeline.Match;

/// <summary>NewsBot:Stories: how much the in-memory story index may hold.</summary>
public sealed class StoryIndexOptions
{
    public const string Section = "NewsBot:Stories";

    /// <summary>
    /// How long after its first article a story still accepts articles (default 3 days). A story
    /// stays open for a day after its latest article, so without this bound a running story (a war,
    /// an election) would collect every later report forever.
    /// </summary>
    public TimeSpan MaxStoryAge { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Most articles the story index holds (about 1.1 KB each, so the default 100,000 is ~110 MB);
    /// when full the oldest goes first, and a story whose articles all went can no longer be joined:
    /// its next report alerts as a new story. Only articles that may alert are held (not a new
    /// source's backlog), so this is a day of news from how many alerting articles a day.
    /// </summary>
    public int MaxIndexedArticles { get; set; } = StoryIndex.DefaultMaxArticles;

    /// <summary>Below this the index forgets stories within minutes at any real rate of news.</summary>
    public const int MinIndexedArticles = 1_000;

    /// <summary>Above this the flat arrays of the index would pass .NET's largest array.</summary>
    public const int MaxIndexedArticlesLimit = 10_000_000;
}

internal sealed class StoryIndexOptionsValidator : IValidateOptions<StoryIndexOptions>
{
    public ValidateOptionsResult Validate(string? name, StoryIndexOptions o) =>
        o.MaxIndexedArticles is < StoryIndexOptions.MinIndexedArticles or > StoryIndexOptions.MaxIndexedArticlesLimit
            ? ValidateOptionsResult.Fail($"{StoryIndexOptions.Section}:MaxIndexedArticles must be between {StoryIndexOptions.MinIndexedArticles} and {StoryIndexOptions.MaxIndexedArticlesLimit} (got {o.MaxIndexedArticles})")
            : o.MaxStoryAge < TimeSpan.FromHours(1) || o.MaxStoryAge > TimeSpan.FromDays(30)
                ? ValidateOptionsResult.Fail($"{StoryIndexOptions.Section}:MaxStoryAge must be between 01:00:00 and 30.00:00:00 (got {o.MaxStoryAge})")
                : ValidateOptionsResult.Success;
}
