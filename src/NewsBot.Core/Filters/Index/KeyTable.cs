using System.Runtime.InteropServices;

namespace NewsBot.Core.Filters.Index;

/// <summary>
/// Hash key → terms, fronted by a bit set with one bit per key hash: most lookups during a scan are
/// for keys no filter uses, and a bit test answers those without touching the table. Behind it, an
/// open-addressing table (linear probing, backward-shift deletion) whose slots hold the key and its
/// first term with the text to compare inline: a hit usually costs one slot, not the dictionary's
/// bucket, entry, array, term and text objects — each a cache miss in a large index. Bits of
/// removed keys stay set until the set grows (costing a probe, never a miss); the set doubles when
/// keys outgrow it, so it stays about one eighth full.
/// </summary>
internal sealed class KeyTable
{
    private const int MinBits = 1 << 12;
    private ulong[] _bits = new ulong[MinBits / 64];
    private Slot[] _slots = new Slot[16];

    private struct Slot
    {
        public ulong Key;
        public KeyItem First; // First.Term null: empty slot
        public KeyItem[]? All; // set only when the key has several terms (First is All[0])

        public readonly bool IsEmpty => First.Term is null;
    }

    public int Count { get; private set; }

    /// <summary>False when no term has this key (one bit test); when one may, hints its slot to the CPU for <see cref="TryGet"/>.</summary>
    public bool MayContain(ulong key)
    {
        if (!HasBit(_bits, key)) return false;
        Prefetch.Element(_slots, Home(key, _slots.Length - 1));
        return true;
    }

    /// <summary>Hints the bit <see cref="MayContain"/> will test for this key.</summary>
    public void HintBits(ulong key)
    {
        Prefetch.Element(_bits, (int)(BitOf(_bits, key) >> 6));
    }

    /// <remarks>The span points into the table: use it before the table changes (callers hold the index's read lock).</remarks>
    public bool TryGet(ulong key, out ReadOnlySpan<KeyItem> items)
    {
        if (HasBit(_bits, key))
        {
            var mask = _slots.Length - 1;
            for (var i = Home(key, mask); ; i = (i + 1) & mask)
            {
                ref var slot = ref _slots[i];
                if (slot.IsEmpty) break;
                if (slot.Key != key) continue;
                items = slot.All ?? MemoryMarshal.CreateReadOnlySpan(ref slot.First, 1);
                return true;
            }
        }
        items = [];
        return false;
    }

    /// <summary>Several terms on one key (rare) live in a small array replaced on change.</summary>
    public void Add(ulong key, KeyItem item)
    {
        var mask = _slots.Length - 1;
        var i = Home(key, mask);
        while (!_slots[i].IsEmpty && _slots[i].Key != key) i = (i + 1) & mask;
        if (!_slots[i].IsEmpty)
        {
            _slots[i].All = [.. _slots[i].All ?? [_slots[i].First], item];
            return;
        }
        _slots[i] = new Slot { Key = key, First = item };
        Count++;
        if (Count * 2 > _slots.Length) Resize(_slots.Length * 2);
        if (Count * 8 > _bits.Length * 64) RebuildBits(_bits.Length * 2 * 64);
        else SetBit(_bits, key);
    }

    public void Remove(ulong key, IndexedTerm term)
    {
        var mask = _slots.Length - 1;
        var i = Home(key, mask);
        while (!_slots[i].IsEmpty && _slots[i].Key != key) i = (i + 1) & mask;
        if (_slots[i].IsEmpty) return;
        var rest = Array.FindAll(_slots[i].All ?? [_slots[i].First], t => !ReferenceEquals(t.Term, term));
        if (rest.Length > 0)
        {
            _slots[i].First = rest[0];
            _slots[i].All = rest.Length > 1 ? rest : null;
            return;
        }
        Count--;
        // Backward-shift deletion: pull later entries of the probe run into the hole so lookups
        // that stop at the first empty slot still find them.
        for (var j = (i + 1) & mask; !_slots[j].IsEmpty; j = (j + 1) & mask)
        {
            var home = Home(_slots[j].Key, mask);
            var stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (stays) continue;
            _slots[i] = _slots[j];
            i = j;
        }
        _slots[i] = default;
    }

    private void Resize(int capacity)
    {
        var old = _slots;
        _slots = new Slot[capacity];
        var mask = capacity - 1;
        foreach (var slot in old)
        {
            if (slot.IsEmpty) continue;
            var i = Home(slot.Key, mask);
            while (!_slots[i].IsEmpty) i = (i + 1) & mask;
            _slots[i] = slot;
        }
    }

    private void RebuildBits(int bitCount)
    {
        var bits = new ulong[Math.Max(bitCount, MinBits) / 64];
        foreach (var slot in _slots)
            if (!slot.IsEmpty) SetBit(bits, slot.Key);
        _bits = bits;
    }

    private static void SetBit(ulong[] bits, ulong key)
    {
        var bit = BitOf(bits, key);
        bits[bit >> 6] |= 1UL << (int)(bit & 63);
    }

    private static bool HasBit(ulong[] bits, ulong key)
    {
        var bit = BitOf(bits, key);
        return (bits[bit >> 6] & 1UL << (int)(bit & 63)) != 0;
    }

    /// <summary>The key's bit in a set of <c>bits.Length × 64</c> (a power of two).</summary>
    private static ulong BitOf(ulong[] bits, ulong key) => BitMix(key) & (ulong)(bits.Length * 64 - 1);

    /// <summary>Spreads packed trigrams and FNV hashes alike over the low bits (Fibonacci hashing).</summary>
    private static ulong BitMix(ulong key) => (key * 0x9E3779B97F4A7C15UL) >> 20;

    /// <summary>A second, independent spread for the slot, so bit-set collisions do not share probe runs.</summary>
    private static int Home(ulong key, int mask) => (int)((key * 0xC2B2AE3D27D4EB4FUL) >> 32) & mask;
}

/// <summary>
/// A term in a <see cref="KeyTable"/>, with what the scan compares (compound or prefix) and the
/// term's slot inline: a lookup that finds a term already seen, or a text that differs, never
/// touches the term object.
/// </summary>
internal readonly record struct KeyItem(IndexedTerm Term, string Text, bool TitleOnly)
{
    public int Slot { get; } = Term.Slot;
}
