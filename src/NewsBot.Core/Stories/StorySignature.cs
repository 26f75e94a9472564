using System.Buffers.Binary;

namespace NewsBot.Core.Stories;

/// <summary>
/// MinHash signature of an article's headline and lead: <see cref="Length"/> minimum hash values,
/// one per hash function. The share of equal positions between two signatures estimates the Jaccard
/// similarity of their word sets. Stored by the host as <see cref="ToBytes"/> and read back with
/// <see cref="FromBytes"/>; the hashing is fixed (no per-process seed), so stored signatures stay
/// comparable across restarts.
/// </summary>
public sealed class StorySignature
{
    public const int Length = 128;
    private const byte FormatVersion = 1;

    private readonly uint[] _values;

    internal StorySignature(uint[] values)
    {
        if (values.Length != Length) throw new ArgumentException($"story signature: expected {Length} values, got {values.Length}", nameof(values));
        _values = values;
    }

    public ReadOnlySpan<uint> Values => _values;

    /// <summary>True when the text had no words to sign (only stop words or punctuation); such a signature matches nothing.</summary>
    public bool IsEmpty => _values.All(v => v == uint.MaxValue);

    /// <summary>Estimated Jaccard similarity of the two word sets, 0..1.</summary>
    public double SimilarityTo(StorySignature other)
    {
        if (IsEmpty || other.IsEmpty) return 0;
        var equal = 0;
        for (var i = 0; i < Length; i++)
            if (_values[i] == other._values[i]) equal++;
        return (double)equal / Length;
    }

    /// <summary>1 version byte then 128 little-endian uint32 values: 513 bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[1 + Length * sizeof(uint)];
        bytes[0] = FormatVersion;
        for (var i = 0; i < Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1 + i * sizeof(uint)), _values[i]);
        return bytes;
    }

    public static StorySignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 1 + Length * sizeof(uint))
            throw new FormatException($"story signature: expected {1 + Length * sizeof(uint)} bytes, got {bytes.Length}");
        if (bytes[0] != FormatVersion)
            throw new FormatException($"story signature: unknown format version {bytes[0]} (this build reads version {FormatVersion}); recompute it from the article");
        var values = new uint[Length];
        for (var i = 0; i < Length; i++) values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(1 + i * sizeof(uint))..]);
        return new StorySignature(values);
    }
}
