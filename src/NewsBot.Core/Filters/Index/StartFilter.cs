using System.Runtime.CompilerServices;

namespace NewsBot.Core.Filters.Index;

/// <summary>
/// The three-character starts of all terms of one kind, as one bit each in 8 KiB (it stays in the
/// L1 cache): most article tokens are words no filter starts with ("the", "said"), and this lets the
/// scan skip them before hashing further or touching the term tables. Terms shorter than three
/// characters cannot be checked this way and are counted instead, so the scan still looks for them.
/// Bits of removed terms stay (costing a lookup, never a miss) until enough removals make
/// <see cref="TermTable"/> rebuild the filter.
/// </summary>
internal sealed class StartFilter
{
    private const int Bits = 1 << 16;
    private readonly ulong[] _bits = new ulong[Bits / 64];

    /// <summary>Live terms shorter than three characters.</summary>
    public int ShortTerms { get; private set; }

    public void Add(string term)
    {
        if (term.Length < 3) ShortTerms++;
        else
        {
            var bit = Bit(term[0], term[1], term[2]);
            _bits[bit >> 6] |= 1UL << bit;
        }
    }

    public void Remove(string term)
    {
        if (term.Length < 3) ShortTerms--;
    }

    public void Clear()
    {
        Array.Clear(_bits);
        ShortTerms = 0;
    }

    /// <summary>False when no term of three or more characters starts with these three.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayStart(char a, char b, char c)
    {
        var bit = Bit(a, b, c);
        return (_bits[bit >> 6] & 1UL << bit) != 0;
    }

    private static int Bit(char a, char b, char c) =>
        (int)((a * 0x9E3779B1u ^ b * 0x85EBCA77u ^ c * 0xC2B2AE3Du) * 0x27D4EB2Fu >> 16);
}
