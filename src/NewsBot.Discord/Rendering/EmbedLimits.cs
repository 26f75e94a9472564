namespace NewsBot.Discord.Rendering;

/// <summary>
/// Discord resources/message.mdx "Embed Limits": counted after trimming leading and trailing whitespace;
/// breaking any of them gets the whole message refused with 400.
/// </summary>
public static class EmbedLimits
{
    public const int Title = 256;
    public const int Description = 4096;
    public const int FooterText = 2048;
    public const int Total = 6000;

    /// <summary>Trims and shortens to at most <paramref name="max"/> UTF-16 units, ending in "…" when cut,
    /// without splitting a surrogate pair (counting units is never more lenient than counting characters).</summary>
    public static string Fit(string? text, int max)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length <= max) return trimmed;
        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(trimmed[cut - 1])) cut--;
        return trimmed[..cut].TrimEnd() + "…";
    }

    /// <summary>The length Discord counts toward the 6,000 total.</summary>
    public static int Counted(string? text) => (text ?? "").Trim().Length;
}
