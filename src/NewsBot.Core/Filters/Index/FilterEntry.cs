using System.Runtime.InteropServices;

namespace NewsBot.Core.Filters.Index;

/// <summary>
/// One distinct filter in the index, shared by every chat that typed the same filter (the same
/// normalized form): popular filters ("bitcoin", a president's name) are verified once per
/// article however many chats hold them. It is listed in the postings of each of its
/// <see cref="Keys"/>, grouped there by its <see cref="Companion"/>.
/// </summary>
internal sealed class FilterEntry(string normalized, int[] code, string[] sources, IndexedTerm[] keys, IndexedTerm? companion)
{
    public string Normalized { get; } = normalized;

    /// <summary>The filter as a <see cref="FilterProgram"/>.</summary>
    public int[] Code { get; } = code;

    /// <summary>Values of its <c>source:</c> restrictions, indexed from <see cref="Code"/>.</summary>
    public string[] Sources { get; } = sources;

    public IndexedTerm[] Keys { get; } = keys;

    /// <summary>A second term every match contains besides a key: checked before the filter is verified.</summary>
    public IndexedTerm? Companion { get; } = companion;

    // Most entries have one subscriber: it lives in the entry itself (no array to reach through);
    // from two on, all of them are in _more.
    private Subscriber _first;
    private Subscriber[]? _more;

    /// <summary>The chats' filters using it.</summary>
    public ReadOnlySpan<Subscriber> Subscribers =>
        _more is null ? MemoryMarshal.CreateReadOnlySpan(ref _first, SubscriberCount) : _more.AsSpan(0, SubscriberCount);

    public int SubscriberCount { get; private set; }

    /// <summary>Hints that <see cref="Subscribers"/> will be read (they are inline when one).</summary>
    public void PrefetchSubscribers() => Prefetch.Array(_more);

    /// <returns>The new subscriber's position.</returns>
    public int AddSubscriber(Subscriber subscriber)
    {
        if (SubscriberCount == 0) _first = subscriber;
        else
        {
            if (_more is null) _more = [_first, default];
            else if (SubscriberCount == _more.Length) Array.Resize(ref _more, SubscriberCount * 2);
            _more[SubscriberCount] = subscriber;
        }
        return SubscriberCount++;
    }

    /// <summary>Swap-removes the subscriber at <paramref name="position"/>; returns the one moved into its place, if any.</summary>
    public Subscriber? RemoveSubscriberAt(int position)
    {
        var last = --SubscriberCount;
        if (_more is null)
        {
            _first = default;
            return null;
        }
        Subscriber? moved = position == last ? null : _more[last];
        _more[position] = _more[last];
        _more[last] = default;
        if (SubscriberCount == 1)
        {
            _first = _more[0];
            _more = null;
        }
        else if (SubscriberCount > 2 && SubscriberCount * 4 <= _more.Length) Array.Resize(ref _more, _more.Length / 2);
        return moved;
    }

    /// <summary>Its matched terms when they are the same at every match (no OR): built once, not per article.</summary>
    public IReadOnlyList<string>? FixedTerms { get; init; }

    /// <summary>
    /// The filter's <c>outlets:N</c> (1: none). Part of the normalized text entries are shared by,
    /// so every subscriber of an entry has the same.
    /// </summary>
    public int MinOutlets { get; init; } = 1;
}

/// <summary>A chat's filter (by id) using a shared <see cref="FilterEntry"/>.</summary>
internal readonly record struct Subscriber(long FilterId, long ChatId);

/// <summary>Where a filter id lives: its shared entry and its place in the entry's subscribers (swap-remove).</summary>
internal record struct SubscriberSlot(FilterEntry Entry, int Position);

/// <summary>
/// A filter as its key's postings hold it: what candidate selection and verification need, inline,
/// so most candidates are decided without touching the entry or its code (each a cache miss in a
/// heap of a million filters) until they matched. Sixteen bytes, four to a cache line: an article
/// walks a thousand of them.
/// </summary>
internal readonly struct Posting
{
    // The low bits hold the exclusion slot + 1 (0: none), the two above them the flags.
    private const int DecidedBit = 1 << 30, MultiKeyBit = 1 << 29, SlotMask = MultiKeyBit - 1;
    private readonly int _excludeAndFlags;

    private Posting(FilterEntry entry, int companionSlot, bool multiKey, bool decided, int excludeSlot)
    {
        if (companionSlot >= SlotMask || excludeSlot >= SlotMask) throw new InvalidOperationException("filter index: more terms than postings can name");
        Entry = entry;
        CompanionSlot = companionSlot;
        _excludeAndFlags = (excludeSlot + 1) | (multiKey ? MultiKeyBit : 0) | (decided ? DecidedBit : 0);
    }

    public FilterEntry Entry { get; }

    /// <summary>The companion's slot, or -1: the filter can only match when that term was found.</summary>
    public int CompanionSlot { get; }

    /// <summary>With <see cref="Decided"/>: a term whose presence alone rules the match out ("key -word"), or -1.</summary>
    public int ExcludeSlot => (_excludeAndFlags & SlotMask) - 1;

    /// <summary>
    /// Reachable through several keys (an OR): verification must skip its repeats. Checked there, once
    /// the entry has been prefetched, not during the posting walk, where hashing it was a miss.
    /// </summary>
    public bool MultiKey => (_excludeAndFlags & MultiKeyBit) != 0;

    /// <summary>Key and companion found (and the excluded term not) is the match: no program to run.</summary>
    public bool Decided => (_excludeAndFlags & DecidedBit) != 0;

    public static Posting Unkeyed(FilterEntry entry) => new(entry, -1, multiKey: false, decided: false, excludeSlot: -1);

    public static Posting For(FilterEntry entry, IndexedTerm key)
    {
        var companion = entry.Companion?.Slot ?? -1;
        var exclude = entry.Companion is null ? FilterProgram.ExclusionWith(entry.Code, key.Slot) : -1;
        var decided = exclude >= 0 || FilterProgram.ImpliedBy(entry.Code, key.Slot, companion);
        return new Posting(entry, companion, entry.Keys.Length > 1, decided, exclude);
    }
}
