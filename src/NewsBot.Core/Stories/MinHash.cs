namespace NewsBot.Core.Stories;

/// <summary>
/// MinHash over string features with fixed, process-independent hash functions: FNV-1a for the
/// feature, then SplitMix64 finalizers keyed by one constant seed per signature position.
/// </summary>
internal static class MinHash
{
    private static readonly ulong[] Seeds = CreateSeeds();

    public static StorySignature Sign(IEnumerable<string> features, IEnumerable<string> names)
    {
        var nameHashes = names.Select(n => (uint)(Mix(Fnv1a(n)) >> 32)).Distinct().Take(StorySignature.MaxNames).ToArray();
        var values = new uint[StorySignature.Length];
        Array.Fill(values, uint.MaxValue);
        foreach (var feature in features)
        {
            var hash = Fnv1a(feature);
            for (var i = 0; i < values.Length; i++)
            {
                var h = (uint)(Mix(hash ^ Seeds[i]) >> 32);
                if (h < values[i]) values[i] = h;
            }
        }
        return new StorySignature(values, nameHashes);
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    internal static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ulong[] CreateSeeds()
    {
        var seeds = new ulong[StorySignature.Length];
        var state = 0x4E657773426F7431UL; // fixed: changing it invalidates stored signatures
        for (var i = 0; i < seeds.Length; i++) seeds[i] = state = Mix(state);
        return seeds;
    }
}
