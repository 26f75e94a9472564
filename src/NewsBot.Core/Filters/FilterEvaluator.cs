namespace NewsBot.Core.Filters;

/// <summary>Checks one filter against one article directly: the specification the index must agree with.</summary>
public static class FilterEvaluator
{
    public static IReadOnlyList<string>? Match(Filter filter, ArticleText article)
    {
        if (ContainsSequence(TextTokens.Words(article.Title).ToArray(), filter.Words)
            || ContainsSequence(TextTokens.Words(article.Body).ToArray(), filter.Words))
            return [filter.Normalized];
        return null;
    }

    private static bool ContainsSequence(string[] words, string[] wanted)
    {
        for (var i = 0; i + wanted.Length <= words.Length; i++)
        {
            var all = true;
            for (var j = 0; j < wanted.Length && all; j++) all = words[i + j] == wanted[j];
            if (all) return true;
        }
        return false;
    }
}
