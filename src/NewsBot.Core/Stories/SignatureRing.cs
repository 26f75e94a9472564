namespace NewsBot.Core.Stories;

/// <summary>
/// The story index's articles, oldest first, in flat arrays: no object per article, per band or per
/// bucket (the object-per-entry layout cost ~9.6 KB an article, this ~1.1 KB). Each article is a
/// slot holding its story id, time, MinHash values and name hashes; each of its
/// <see cref="Bands"/> band keys is a node (slot × Bands + band) linked into the chain of a hash
/// bucket, newest first. A band key is recomputed from the stored values when its node is unlinked,
/// never stored. The arrays grow by doubling up to the capacity the index was given, then slots are
/// reused. Not thread-safe: <see cref="StoryIndex"/> locks.
/// </summary>
internal sealed class SignatureRing(int maxArticles)
{
    public const int RowsPerBand = 2;
    public const int Bands = StorySignature.Length / RowsPerBand;
    public const int NoNode = -1;
    private const int Values = StorySignature.Length;
    private const int Names = StorySignature.MaxNames;
    private const int FirstCapacity = 256;

    private uint[] _values = [];
    private uint[] _names = [];
    private byte[] _nameCounts = [];
    private long[] _storyIds = [];
    private long[] _ticks = [];
    private int[] _next = [];
    private int[] _heads = [];
    private int _first;

    public int Count { get; private set; }

    public int Capacity => _storyIds.Length;

    public int MaxArticles => maxArticles;

    public int Oldest => _first;

    public long StoryId(int slot) => _storyIds[slot];

    public long Ticks(int slot) => _ticks[slot];

    public ReadOnlySpan<uint> ValuesOf(int slot) => _values.AsSpan(slot * Values, Values);

    public ReadOnlySpan<uint> NamesOf(int slot) => _names.AsSpan(slot * Names, _nameCounts[slot]);

    /// <summary>Stores an article as the newest; the caller removes the oldest first when <see cref="Count"/> reached <see cref="MaxArticles"/>.</summary>
    public void Append(long storyId, StorySignature signature, long ticks)
    {
        if (Count == Capacity) Grow();
        var slot = (_first + Count) % Capacity;
        Count++;
        _storyIds[slot] = storyId;
        _ticks[slot] = ticks;
        signature.Values.CopyTo(_values.AsSpan(slot * Values, Values));
        signature.Names.CopyTo(_names.AsSpan(slot * Names, Names));
        _nameCounts[slot] = (byte)signature.Names.Length;
        Link(slot);
    }

    /// <summary>Forgets the oldest article. Its nodes are the last of their chains unless articles were added out of time order, so the walk is short.</summary>
    public void RemoveOldest()
    {
        var slot = _first;
        var values = ValuesOf(slot);
        for (var band = 0; band < Bands; band++)
        {
            var node = slot * Bands + band;
            var bucket = Bucket(BandKey(values, band));
            if (_heads[bucket] == node)
            {
                _heads[bucket] = _next[node];
                continue;
            }
            var previous = _heads[bucket];
            while (_next[previous] != node) previous = _next[previous];
            _next[previous] = _next[node];
        }
        _first = (_first + 1) % Capacity;
        Count--;
    }

    /// <summary>The first node of the chain that holds <paramref name="band"/>'s key of <paramref name="query"/> (among others: filter with <see cref="SameBand"/>).</summary>
    public int Head(ReadOnlySpan<uint> query, int band) => Count == 0 ? NoNode : _heads[Bucket(BandKey(query, band))];

    public int Next(int node) => _next[node];

    /// <summary>True when <paramref name="node"/> is <paramref name="band"/> of an article whose values in that band equal the query's.</summary>
    public bool SameBand(int node, ReadOnlySpan<uint> query, int band)
    {
        if (node % Bands != band) return false;
        var at = node / Bands * Values + band * RowsPerBand;
        return _values[at] == query[band * RowsPerBand] && _values[at + 1] == query[band * RowsPerBand + 1];
    }

    public static int SlotOf(int node) => node / Bands;

    /// <summary>The same banding (and so the same candidates) as the index had with one list per key: 2 values per band, mixed with the band number.</summary>
    private static ulong BandKey(ReadOnlySpan<uint> values, int band)
    {
        var key = MinHash.Mix((ulong)band);
        for (var row = 0; row < RowsPerBand; row++) key = MinHash.Mix(key ^ values[band * RowsPerBand + row]);
        return key;
    }

    private int Bucket(ulong key) => (int)(key >> 32 ^ key) & (_heads.Length - 1);

    private void Link(int slot)
    {
        var values = ValuesOf(slot);
        for (var band = 0; band < Bands; band++)
        {
            var node = slot * Bands + band;
            var bucket = Bucket(BandKey(values, band));
            _next[node] = _heads[bucket];
            _heads[bucket] = node;
        }
    }

    /// <summary>Doubles the arrays (up to the cap), copying the articles oldest first and relinking them in that order.</summary>
    private void Grow()
    {
        var capacity = (int)Math.Min(Math.Max(2L * Capacity, FirstCapacity), maxArticles);
        var (values, names, nameCounts, storyIds, ticks) = (_values, _names, _nameCounts, _storyIds, _ticks);
        var (first, count, oldCapacity) = (_first, Count, Capacity);
        _values = new uint[capacity * Values];
        _names = new uint[capacity * Names];
        _nameCounts = new byte[capacity];
        _storyIds = new long[capacity];
        _ticks = new long[capacity];
        _next = new int[capacity * Bands];
        // About two nodes per bucket when full: chains stay short without a table as large as the nodes.
        _heads = new int[Math.Max(1, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(capacity * Bands / 2)))];
        Array.Fill(_heads, NoNode);
        for (var i = 0; i < count; i++)
        {
            var from = (first + i) % oldCapacity;
            values.AsSpan(from * Values, Values).CopyTo(_values.AsSpan(i * Values));
            names.AsSpan(from * Names, Names).CopyTo(_names.AsSpan(i * Names));
            _nameCounts[i] = nameCounts[from];
            _storyIds[i] = storyIds[from];
            _ticks[i] = ticks[from];
            Link(i);
        }
        _first = 0;
    }
}
