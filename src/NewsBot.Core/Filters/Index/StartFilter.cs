using System.Numerics;
using System.Runtime.CompilerServices;

namespace NewsBot.Core.Filters.Index;

/// <summary>
/// How the terms of one kind start, in two levels of bits. First their three-character starts, one
/// bit each in 8 KiB (it stays in the L1 cache): most article tokens are words no filter starts with
/// ("the", "said"), and the scan skips them before hashing further or touching the term tables.
/// Then, for terms of at least <see cref="LongLength"/> characters, the hash of that many leading
/// characters (one bit in four to eight set: at a million filters a sparser set outgrows the L2
/// cache and its misses cost more than the lookups it saves): a token that passed the first level by
/// chance ("and" for "andrew") stops there instead of being looked up at every later word boundary. Terms shorter
/// than three characters cannot be checked at all and are counted, so the scan still looks for them.
/// Bits of removed terms stay (costing a lookup, never a miss) until <see cref="TermTable"/> rebuilds.
/// </summary>
internal sealed class StartFilter
{
    public const int LongLength = 6;
    private const int Bits = 1 << 16;
    private readonly ulong[] _bits = new ulong[Bits / 64];
    private ulong[] _long = new ulong[64];
    private readonly ulong[] _short = new ulong[Bits / 64];
    private int _longTerms;

    /// <summary>Live terms shorter than three characters.</summary>
    public int ShortTerms { get; private set; }

    /// <summary>True once long terms outgrow the second level; <see cref="TermTable"/> then rebuilds it larger.</summary>
    public bool NeedsGrowth => _longTerms * 4 > _long.Length * 64;

    public void Add(string term)
    {
        if (term.Length < LongLength)
        {
            var shortBit = LongBit(KeyHash.Of(term), _short.Length);
            _short[shortBit >> 6] |= 1UL << shortBit;
        }
        if (term.Length < 3)
        {
            ShortTerms++;
            return;
        }
        var bit = Bit(term[0], term[1], term[2]);
        _bits[bit >> 6] |= 1UL << bit;
        if (term.Length < LongLength) return;
        _longTerms++;
        var longBit = LongBit(KeyHash.Of(term.AsSpan(0, LongLength)), _long.Length);
        _long[longBit >> 6] |= 1UL << longBit;
    }

    public void Remove(string term)
    {
        if (term.Length < 3) ShortTerms--;
    }

    /// <summary>Empties both levels, the second sized for this many long terms.</summary>
    public void Clear(int longTerms)
    {
        Array.Clear(_bits);
        Array.Clear(_short);
        _long = new ulong[Math.Max(64, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, longTerms) * 8) / 64)];
        _longTerms = 0;
        ShortTerms = 0;
    }

    /// <summary>False when no term of three or more characters starts with these three.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayStart(char a, char b, char c)
    {
        var bit = Bit(a, b, c);
        return (_bits[bit >> 6] & 1UL << bit) != 0;
    }

    /// <summary>False when no term of <see cref="LongLength"/> or more characters starts with the characters hashed (<see cref="KeyHash"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayStartLong(ulong leadingHash)
    {
        var bit = LongBit(leadingHash, _long.Length);
        return (_long[bit >> 6] & 1UL << bit) != 0;
    }

    /// <summary>Hints the bit <see cref="MayStartLong"/> will test.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void HintLong(ulong leadingHash) => Prefetch.Element(_long, LongBit(leadingHash, _long.Length) >> 6);

    /// <summary>
    /// False when no term shorter than <see cref="LongLength"/> is exactly the characters hashed: the
    /// scan's lookups at short word ends ("and", "said") are answered from 8 KiB instead of the term table.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayBeShortTerm(ulong hash)
    {
        var bit = LongBit(hash, _short.Length);
        return (_short[bit >> 6] & 1UL << bit) != 0;
    }

    private static int Bit(char a, char b, char c) =>
        (int)((a * 0x9E3779B1u ^ b * 0x85EBCA77u ^ c * 0xC2B2AE3Du) * 0x27D4EB2Fu >> 16);

    private static int LongBit(ulong hash, int words) => (int)((hash * 0x9E3779B97F4A7C15UL) >> 24) & (words * 64 - 1);
}
