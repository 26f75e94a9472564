namespace NewsBot.Core.Stories;

/// <summary>Fixed, process-independent hashing of terms (FNV-1a, then a SplitMix64 finalizer): stored signatures stay comparable across restarts.</summary>
internal static class StoryTermHash
{
    public static uint Of(string term)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in term)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return (uint)(Mix(hash) >> 32);
    }

    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
