namespace NewsBot.Core.Filters.Index;

/// <summary>
/// Hash key → terms, fronted by a bit set with one bit per key hash: most lookups during a scan are
/// for keys no filter uses, and a bit test answers those far faster than the dictionary. Bits of
/// removed keys stay set until the set grows (costing a lookup, never a miss); the set doubles
/// when keys outgrow it, so it stays about one eighth full.
/// </summary>
internal sealed class KeyTable
{
    private const int MinBits = 1 << 12;
    private readonly Dictionary<ulong, IndexedTerm[]> _buckets = new();
    private ulong[] _bits = new ulong[MinBits / 64];

    public int Count => _buckets.Count;

    public bool TryGet(ulong key, out IndexedTerm[] bucket)
    {
        var bit = Mix(key) & (ulong)(_bits.Length * 64 - 1);
        if ((_bits[bit >> 6] & 1UL << (int)(bit & 63)) == 0)
        {
            bucket = [];
            return false;
        }
        return _buckets.TryGetValue(key, out bucket!);
    }

    /// <summary>Buckets are tiny arrays replaced on change: cheap to scan, and most hold one term.</summary>
    public void Add(ulong key, IndexedTerm term)
    {
        _buckets[key] = _buckets.TryGetValue(key, out var bucket) ? [.. bucket, term] : [term];
        if (_buckets.Count * 8 > _bits.Length * 64) Rebuild(_bits.Length * 2 * 64);
        else Set(_bits, key);
    }

    public void Remove(ulong key, IndexedTerm term)
    {
        if (!_buckets.TryGetValue(key, out var bucket)) return;
        var rest = Array.FindAll(bucket, t => !ReferenceEquals(t, term));
        if (rest.Length == 0) _buckets.Remove(key);
        else _buckets[key] = rest;
    }

    private void Rebuild(int bitCount)
    {
        var bits = new ulong[Math.Max(bitCount, MinBits) / 64];
        foreach (var key in _buckets.Keys) Set(bits, key);
        _bits = bits;
    }

    private static void Set(ulong[] bits, ulong key)
    {
        var bit = Mix(key) & (ulong)(bits.Length * 64 - 1);
        bits[bit >> 6] |= 1UL << (int)(bit & 63);
    }

    /// <summary>Spreads packed trigrams and FNV hashes alike over the low bits (Fibonacci hashing).</summary>
    private static ulong Mix(ulong key) => (key * 0x9E3779B97F4A7C15UL) >> 20;
}
