using System.Buffers.Binary;
using NewsBot.Core.Stories;

namespace NewsBot.Pipeline.Match;

/// <summary>
/// How an article's embedding is stored (Article.StoryEmbedding): 1 version byte, then one
/// little-endian float16 per dimension — half the bytes of float32 (1,537 bytes for 768
/// dimensions), and cosine similarity moves by well under 0.001 at that precision. The live index
/// attaches the stored (rounded) vector too, so a restart rebuilds exactly the same index.
/// </summary>
public static class StoryEmbeddingBytes
{
    private const byte FormatVersion = 1;

    /// <summary>
    /// The stored form of <paramref name="vector"/> scaled to unit length (so every value fits float16,
    /// whatever scale the model answers in); the caller has checked it is finite and not all zero.
    /// </summary>
    public static byte[] ToBytes(ReadOnlySpan<float> vector)
    {
        var norm = 0.0;
        foreach (var x in vector) norm += (double)x * x;
        norm = Math.Sqrt(norm);
        var bytes = new byte[1 + vector.Length * 2];
        bytes[0] = FormatVersion;
        for (var i = 0; i < vector.Length; i++) BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(1 + i * 2), (Half)(vector[i] / norm));
        return bytes;
    }

    /// <summary>
    /// <paramref name="signature"/> with the embedding stored beside it (Article.StoryEmbedding), or as
    /// it is when none is stored: every path that puts an article into the story index (live, start-up
    /// rebuild, reading another instance's articles) attaches the same vector.
    /// </summary>
    public static StorySignature Attach(StorySignature signature, byte[]? stored) =>
        stored is null ? signature : signature.WithEmbedding(FromBytes(stored));

    /// <summary>The vector stored in <paramref name="bytes"/>; empty for a version this build does not read (the article then groups lexically).</summary>
    public static float[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 3 || bytes[0] != FormatVersion || bytes.Length % 2 != 1) return [];
        var vector = new float[(bytes.Length - 1) / 2];
        for (var i = 0; i < vector.Length; i++) vector[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(1 + i * 2)..]);
        return vector;
    }
}
