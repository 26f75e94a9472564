using System.Collections.Concurrent;

namespace NewsBot.Core.Filters;

/// <summary>
/// All active filters of all chats. Foundation version: a loop over every filter; the
/// filter-language issue replaces it with a term index behind the same methods.
/// </summary>
public sealed class FilterIndex
{
    private readonly ConcurrentDictionary<long, (long ChatId, Filter Filter)> _filters = new();

    public int Count => _filters.Count;

    public void Add(long filterId, long chatId, Filter filter) => _filters[filterId] = (chatId, filter);

    public void Remove(long filterId) => _filters.TryRemove(filterId, out _);

    public IReadOnlyList<FilterMatch> Match(ArticleText article)
    {
        var matches = new List<FilterMatch>();
        foreach (var (id, (chatId, filter)) in _filters)
        {
            var terms = FilterEvaluator.Match(filter, article);
            if (terms is not null) matches.Add(new FilterMatch(id, chatId, terms));
        }
        return matches;
    }
}
