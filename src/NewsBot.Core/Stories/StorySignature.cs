using System.Buffers.Binary;

namespace NewsBot.Core.Stories;

/// <summary>
/// Signature of an article's headline and lead: <see cref="Length"/> MinHash values, one per hash
/// function (the share of equal positions between two signatures estimates the Jaccard similarity
/// of their weighted word sets), plus hashes of up to <see cref="MaxNames"/> names and numbers, which
/// tell apart events of one kind (two wildfires, two earthquakes) in different places. Stored by the host as <see cref="ToBytes"/> and read back with
/// <see cref="FromBytes"/>; the hashing is fixed (no per-process seed), so stored signatures stay
/// comparable across restarts.
/// </summary>
public sealed class StorySignature
{
    public const int Length = 128;
    public const int MaxNames = 16;
    private const byte FormatVersion = 1;

    private readonly uint[] _values;
    private readonly uint[] _names;

    internal StorySignature(uint[] values, uint[] names)
    {
        if (values.Length != Length) throw new ArgumentException($"story signature: expected {Length} values, got {values.Length}", nameof(values));
        if (names.Length > MaxNames) throw new ArgumentException($"story signature: at most {MaxNames} names, got {names.Length}", nameof(names));
        _values = values;
        _names = names;
    }

    public ReadOnlySpan<uint> Values => _values;

    /// <summary>
    /// The article's embedding from the optional model, unit length; empty when there is none. Two
    /// articles that both have one may join on meaning alone (paraphrase, another language).
    /// </summary>
    public ReadOnlySpan<float> Embedding => _embedding;

    private float[] _embedding = [];

    /// <summary>This signature with <paramref name="embedding"/> (any length; normalized to unit length here).</summary>
    public StorySignature WithEmbedding(ReadOnlySpan<float> embedding)
    {
        var norm = 0.0;
        foreach (var x in embedding) norm += x * x;
        norm = Math.Sqrt(norm);
        var unit = new float[norm > 0 ? embedding.Length : 0];
        for (var i = 0; i < unit.Length; i++) unit[i] = (float)(embedding[i] / norm);
        return new StorySignature(_values, _names) { _embedding = unit };
    }

    /// <summary>Hashes of the salient words (names, numbers), distinct.</summary>
    public ReadOnlySpan<uint> Names => _names;

    /// <summary>How many names and numbers the two articles share.</summary>
    public int SharedNames(StorySignature other) => SharedNames(other._names);

    internal int SharedNames(ReadOnlySpan<uint> otherNames)
    {
        var shared = 0;
        foreach (var name in _names)
            if (otherNames.Contains(name)) shared++;
        return shared;
    }

    /// <summary>True when the text had no words to sign (only stop words or punctuation); such a signature matches nothing.</summary>
    public bool IsEmpty => _values.All(v => v == uint.MaxValue);

    /// <summary>Estimated Jaccard similarity of the two word sets, 0..1.</summary>
    public double SimilarityTo(StorySignature other) => SimilarityTo(other._values);

    /// <summary>As <see cref="SimilarityTo(StorySignature)"/>, against values the story index keeps without a signature object.</summary>
    internal double SimilarityTo(ReadOnlySpan<uint> otherValues)
    {
        if (IsEmpty || !otherValues.ContainsAnyExcept(uint.MaxValue)) return 0;
        var equal = 0;
        for (var i = 0; i < Length; i++)
            if (_values[i] == otherValues[i]) equal++;
        return (double)equal / Length;
    }

    /// <summary>1 version byte, 128 little-endian uint32 MinHash values, 1 count byte, that many uint32 name hashes (514 to 578 bytes).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[FixedBytes + _names.Length * sizeof(uint)];
        bytes[0] = FormatVersion;
        for (var i = 0; i < Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1 + i * sizeof(uint)), _values[i]);
        bytes[FixedBytes - 1] = (byte)_names.Length;
        for (var i = 0; i < _names.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(FixedBytes + i * sizeof(uint)), _names[i]);
        return bytes;
    }

    public static StorySignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < FixedBytes)
            throw new FormatException($"story signature: expected at least {FixedBytes} bytes, got {bytes.Length}");
        if (bytes[0] != FormatVersion)
            throw new FormatException($"story signature: unknown format version {bytes[0]} (this build reads version {FormatVersion}); recompute it from the article");
        var count = bytes[FixedBytes - 1];
        if (count > MaxNames || bytes.Length != FixedBytes + count * sizeof(uint))
            throw new FormatException($"story signature: {count} names do not fit {bytes.Length} bytes");
        var values = new uint[Length];
        for (var i = 0; i < Length; i++) values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(1 + i * sizeof(uint))..]);
        var names = new uint[count];
        for (var i = 0; i < count; i++) names[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(FixedBytes + i * sizeof(uint))..]);
        return new StorySignature(values, names);
    }

    private const int FixedBytes = 1 + Length * sizeof(uint) + 1;
}
