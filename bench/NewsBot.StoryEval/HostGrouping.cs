using NewsBot.Core.Stories;

namespace NewsBot.StoryEval;

/// <summary>
/// Groups articles the way the host does (ArticleMatcher): sign headline + lead, ask the index for
/// every story the article joins; none starts a story, several are merged into the oldest (lowest
/// id), then the article is added to the survivor.
/// </summary>
internal static class HostGrouping
{
    /// <summary>For experiments only (STORY_EVAL_NO_MERGE=1): join the best story and merge nothing.</summary>
    public static bool NoMerge { get; } = Environment.GetEnvironmentVariable("STORY_EVAL_NO_MERGE") == "1";

    /// <summary>The story of each article (indexes into <paramref name="order"/>'s articles), merges applied.</summary>
    public static long[] Run(IReadOnlyList<EvalArticle> articles, int[] order, IReadOnlyList<DateTimeOffset> clock, bool withLead, StoryMatcher matcher)
    {
        var index = new StoryIndex(matcher);
        var story = new long[articles.Count];
        var mergedInto = new Dictionary<long, long>();
        long next = 1;
        for (var i = 0; i < order.Length; i++)
        {
            var article = articles[order[i]];
            var at = clock[i];
            var signature = matcher.Compute(article.Headline, withLead ? article.Lead : "");
            var found = index.FindStories(signature, at);
            if (NoMerge && found.Count > 1) found = [found[0]];
            long id;
            if (found.Count == 0) id = next++;
            else
            {
                id = found.Min();
                foreach (var other in found.Where(s => s != id))
                {
                    index.Merge(id, other);
                    mergedInto[other] = id;
                }
            }
            index.Add(id, signature, at);
            story[order[i]] = id;
        }
        for (var i = 0; i < story.Length; i++)
            while (mergedInto.TryGetValue(story[i], out var into)) story[i] = into;
        return story;
    }
}
