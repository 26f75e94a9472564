using System.Buffers.Binary;

namespace NewsBot.Core.Stories;

/// <summary>What a term of a signature is: where it came from and what kind of word it is.</summary>
[Flags]
public enum StoryTermKind : byte
{
    /// <summary>A word of the lead only.</summary>
    Lead = 0,

    /// <summary>The word is in the headline.</summary>
    Headline = 1,

    /// <summary>A name (capitalized inside a sentence, an acronym): tells events of one kind apart.</summary>
    Name = 2,

    /// <summary>A number or a date: weak evidence, shared by unrelated news all the time.</summary>
    Number = 4,
}

/// <summary>
/// An article's headline and lead as up to <see cref="MaxTerms"/> distinct normalized terms (fixed
/// hashes, so stored signatures compare across restarts), each with its <see cref="StoryTermKind"/>,
/// and the script the headline is written in. How much a shared term counts depends on how rare it
/// is among recent articles, which only the <see cref="StoryIndex"/> knows. Stored by the host as
/// <see cref="ToBytes"/> and read back with <see cref="FromBytes"/>; an optional embedding
/// (<see cref="WithEmbedding"/>) is kept apart by the host and never in the bytes.
/// </summary>
public sealed class StorySignature
{
    /// <summary>Headline terms first, then lead terms: 32 covers a headline and a 30-word lead after stop words.</summary>
    public const int MaxTerms = 32;

    /// <summary>Version 1 was 128 MinHash values + name hashes (issue 15); version 2 is terms with kinds.</summary>
    public const byte FormatVersion = 2;

    private const int HeaderBytes = 3;

    private readonly uint[] _terms;
    private readonly StoryTermKind[] _kinds;
    private float[] _embedding = [];

    internal StorySignature(uint[] terms, StoryTermKind[] kinds, StoryScript script)
    {
        if (terms.Length > MaxTerms) throw new ArgumentException($"story signature: at most {MaxTerms} terms, got {terms.Length}", nameof(terms));
        if (kinds.Length != terms.Length) throw new ArgumentException($"story signature: {terms.Length} terms but {kinds.Length} kinds", nameof(kinds));
        _terms = terms;
        _kinds = kinds;
        Script = script;
    }

    /// <summary>Hashes of the distinct terms, headline terms first.</summary>
    public ReadOnlySpan<uint> Terms => _terms;

    /// <summary>The kind of each of <see cref="Terms"/>.</summary>
    public ReadOnlySpan<StoryTermKind> Kinds => _kinds;

    /// <summary>The script most letters of the headline are in; articles in different scripts never join on words.</summary>
    public StoryScript Script { get; }

    /// <summary>True when the text had no words to sign (only stop words or punctuation); such a signature matches nothing on words.</summary>
    public bool IsEmpty => _terms.Length == 0;

    /// <summary>
    /// The article's embedding from the optional model, unit length; empty when there is none. Two
    /// articles that both have one may join on meaning alone (paraphrase, another language).
    /// </summary>
    public ReadOnlySpan<float> Embedding => _embedding;

    /// <summary>This signature with <paramref name="embedding"/> (any length; normalized to unit length here).</summary>
    public StorySignature WithEmbedding(ReadOnlySpan<float> embedding)
    {
        var norm = 0.0;
        foreach (var x in embedding) norm += x * x;
        norm = Math.Sqrt(norm);
        var unit = new float[norm > 0 ? embedding.Length : 0];
        for (var i = 0; i < unit.Length; i++) unit[i] = (float)(embedding[i] / norm);
        return new StorySignature(_terms, _kinds, Script) { _embedding = unit };
    }

    /// <summary>Version byte, script byte, term count, the terms (uint32 little-endian), their kinds (a byte each): 3 to 163 bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderBytes + _terms.Length * (sizeof(uint) + 1)];
        (bytes[0], bytes[1], bytes[2]) = (FormatVersion, (byte)Script, (byte)_terms.Length);
        for (var i = 0; i < _terms.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(HeaderBytes + i * sizeof(uint)), _terms[i]);
            bytes[HeaderBytes + _terms.Length * sizeof(uint) + i] = (byte)_kinds[i];
        }
        return bytes;
    }

    /// <summary>Reads <see cref="ToBytes"/>; a signature of another version (or corrupt bytes) throws <see cref="FormatException"/>.</summary>
    public static StorySignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderBytes)
            throw new FormatException($"story signature: expected at least {HeaderBytes} bytes, got {bytes.Length}");
        if (bytes[0] != FormatVersion)
            throw new FormatException($"story signature: unknown format version {bytes[0]} (this build reads version {FormatVersion}); recompute it from the article");
        var count = bytes[2];
        if (count > MaxTerms || bytes.Length != HeaderBytes + count * (sizeof(uint) + 1))
            throw new FormatException($"story signature: {count} terms do not fit {bytes.Length} bytes");
        var terms = new uint[count];
        var kinds = new StoryTermKind[count];
        for (var i = 0; i < count; i++)
        {
            terms[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(HeaderBytes + i * sizeof(uint))..]);
            kinds[i] = (StoryTermKind)bytes[HeaderBytes + count * sizeof(uint) + i];
        }
        return new StorySignature(terms, kinds, (StoryScript)bytes[1]);
    }

    /// <summary>True when <paramref name="bytes"/> are a signature this build reads (the host recomputes the others).</summary>
    public static bool IsCurrent(ReadOnlySpan<byte> bytes) => bytes.Length >= HeaderBytes && bytes[0] == FormatVersion;
}
