using Microsoft.Extensions.AI;
using NewsBot.Configuration;

namespace NewsBot.Pipeline.Match;

/// <summary>
/// Checks an embedding model's reply before anything of it is stored: one vector per text, all of one
/// size between 1 and <see cref="StoryEmbeddingsOptions.MaxDimensions"/>, finite and not all zero.
/// A reply that fails is dropped whole: a vector in the wrong place would join unrelated stories.
/// </summary>
public static class StoryEmbeddingsReply
{
    /// <summary>Why <paramref name="reply"/> cannot be used for <paramref name="texts"/> texts, or null when it can.</summary>
    public static string? Problem(IList<Embedding<float>> reply, int texts)
    {
        if (reply.Count != texts) return $"reply has {reply.Count} vectors for {texts} texts";
        var dimensions = reply.Count == 0 ? 0 : reply[0].Vector.Length;
        if (dimensions is < 1 or > StoryEmbeddingsOptions.MaxDimensions)
            return $"reply has vectors of {dimensions} dimensions (accepted: 1 to {StoryEmbeddingsOptions.MaxDimensions})";
        for (var i = 0; i < reply.Count; i++)
        {
            var vector = reply[i].Vector.Span;
            if (vector.Length != dimensions) return $"reply mixes vectors of {dimensions} and {vector.Length} dimensions";
            var norm = 0.0;
            foreach (var x in vector)
            {
                if (!float.IsFinite(x)) return $"vector {i} has a value that is not a finite number";
                norm += (double)x * x;
            }
            if (norm == 0) return $"vector {i} is all zeros";
        }
        return null;
    }
}
