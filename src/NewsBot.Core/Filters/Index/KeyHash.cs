namespace NewsBot.Core.Filters.Index;

/// <summary>
/// 64-bit FNV-1a over UTF-16 characters, computed one character at a time so an article's
/// token stream is hashed once per position. Keys only pick candidates; a collision costs one
/// extra verification, never a wrong answer.
/// </summary>
public static class KeyHash
{
    public const ulong Start = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>
    /// Words and phrases are keyed by at most this many leading characters: long enough that a key
    /// is nearly always the whole term, so a name and the phrases starting with it ("kim", "kim
    /// jong un") sit in different buckets and a hit compares one text, not every phrase sharing a start.
    /// </summary>
    public const int KeyLength = 12;

    /// <summary>
    /// Prefix terms are keyed by their whole prefix up to this length, so a bucket holds only the
    /// prefixes spelled exactly so (keyed by fewer letters, "abdu*" shared a bucket with every
    /// "abdul…*" and each article word starting so verified them all). An article word is looked
    /// up at each length some prefix has; a bit test answers the lengths no key uses.
    /// </summary>
    public const int PrefixKeyLength = 16;

    public static ulong Step(ulong hash, char c) => (hash ^ c) * Prime;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = Start;
        foreach (var c in text) hash = Step(hash, c);
        return hash;
    }

    /// <summary>Key of a word, compound or prefix: its first <see cref="KeyLength"/> characters.</summary>
    public static ulong OfLeading(string text) => Of(text.AsSpan(0, Math.Min(text.Length, KeyLength)));

    public static ulong OfPrefix(string prefix) => Of(prefix.AsSpan(0, Math.Min(prefix.Length, PrefixKeyLength)));

    public static ulong Trigram(ReadOnlySpan<char> text) => (ulong)text[0] << 32 | (ulong)text[1] << 16 | text[2];
}
