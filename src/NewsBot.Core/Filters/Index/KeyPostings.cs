namespace NewsBot.Core.Filters.Index;

/// <summary>
/// The filters keyed on one term: when the term is found in an article, these are the candidates.
/// One flat array of <see cref="Posting"/>s, each carrying what the walk needs inline: a filter
/// that also needs a second term (its companion: "gaza ceasefire" keyed on ceasefire needs gaza) is
/// skipped by one bit test on the companion's slot, without its own memory being touched. Walking a
/// few hundred postings in order costs less than a few dozen hash probes or list hops into a heap of
/// a million filters. Postings stay few once identical filters are shared, so removal searches.
/// A struct held in its <see cref="IndexedTerm"/>: the walk goes from the term straight to the array.
/// </summary>
internal struct KeyPostings
{
    private Posting[]? _items;
    private int _count;

    /// <summary>The array the walk reads first, for <see cref="Prefetch"/>.</summary>
    public readonly Posting[]? Items => _items;

    public void Add(FilterEntry entry, IndexedTerm key)
    {
        _items ??= new Posting[2];
        if (_count == _items.Length) Array.Resize(ref _items, _count * 2);
        _items[_count++] = Posting.For(entry, key);
    }

    public void Remove(FilterEntry entry)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_items![i].Entry != entry) continue;
            _items[i] = _items[--_count];
            _items[_count] = default;
            if (_count == 0) _items = null;
            else if (_count > 4 && _count * 4 <= _items.Length) Array.Resize(ref _items, _items.Length / 2);
            return;
        }
    }

    /// <summary>Adds the filters whose companion (if any) the article has; an OR filter reached twice is added twice (see <see cref="Posting.MultiKey"/>).</summary>
    public readonly void CollectInto(MatchContext context, List<Posting> candidates)
    {
        if (_items is null) return;
        foreach (ref readonly var posting in _items.AsSpan(0, _count))
        {
            if (posting.CompanionSlot >= 0 && !context.IsSeen(posting.CompanionSlot)) continue;
            candidates.Add(posting);
        }
    }
}
