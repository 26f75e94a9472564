namespace NewsBot.Core.Filters.Normalization;

/// <summary>
/// Reduces simple English plurals to their singular so that <c>ceasefire</c> also finds
/// <c>ceasefires</c> and, once the apostrophe is gone, <c>ceasefire's</c>. Deliberately small:
/// it only has to map filter words and article words to the same form, never to a dictionary word.
/// </summary>
public static class EnglishInflection
{
    // Words whose final s is not a plural and whose "singular" is a different common word.
    private static readonly string[] Keep = ["news", "series", "species", "mars", "lens", "gps", "ios"];

    /// <summary>Writes the singular of <paramref name="word"/> to <paramref name="destination"/>; returns its length.</summary>
    public static int Singular(ReadOnlySpan<char> word, Span<char> destination)
    {
        var length = SingularLength(word, out var endsInY);
        word[..length].CopyTo(destination);
        if (endsInY) destination[length++] = 'y';
        return length;
    }

    /// <summary>Turns <paramref name="word"/> into its singular where it stands (the singular is never longer); returns its length.</summary>
    public static int SingularInPlace(Span<char> word)
    {
        var length = SingularLength(word, out var endsInY);
        if (endsInY) word[length++] = 'y';
        return length;
    }

    public static string Singular(string word)
    {
        Span<char> buffer = stackalloc char[word.Length + 1];
        var length = Singular(word, buffer);
        return buffer[..length].SequenceEqual(word) ? word : new string(buffer[..length]);
    }

    private static int SingularLength(ReadOnlySpan<char> word, out bool endsInY)
    {
        endsInY = false;
        var n = word.Length;
        if (n <= 3 || word[^1] != 's' || word[^2] is 's' or 'u' or 'i' || !IsAsciiLetters(word)) return n;
        if (n <= 7)
            foreach (var kept in Keep)
                if (kept.Length == n && word.SequenceEqual(kept)) return n;
        if (word[^2] != 'e') return n - 1;
        if (n > 4 && word[^3] == 'i')
        {
            endsInY = true;
            return n - 3;
        }
        // boxes, churches, crashes, bosses: the "es" goes; elsewhere (ceasefires) only the "s".
        if (word[^3] == 'x' || word[^3] == 'h' && word[^4] is 'c' or 's' || word[^3] == 's' && word[^4] == 's') return n - 2;
        return n - 1;
    }

    private static bool IsAsciiLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (c is < 'a' or > 'z') return false;
        return true;
    }
}
