namespace NewsBot.Core.Stories;

/// <summary>The writing system of a headline: articles in different scripts share no words, only numbers and chance hashes.</summary>
public enum StoryScript : byte
{
    /// <summary>No letters, or none of the scripts below.</summary>
    Other = 0,

    /// <summary>Latin letters.</summary>
    Latin = 1,

    /// <summary>Cyrillic letters.</summary>
    Cyrillic = 2,

    /// <summary>Greek letters.</summary>
    Greek = 3,

    /// <summary>Arabic letters.</summary>
    Arabic = 4,

    /// <summary>Hebrew letters.</summary>
    Hebrew = 5,

    /// <summary>Chinese, Japanese or Korean characters.</summary>
    Cjk = 6,
}

internal static class StoryScripts
{
    /// <summary>The script most letters of <paramref name="text"/> are in.</summary>
    public static StoryScript Of(string text)
    {
        Span<int> counts = stackalloc int[7];
        foreach (var c in text)
            if (char.IsLetter(c)) counts[(int)Of(c)]++;
        var best = StoryScript.Other;
        for (var s = 1; s < counts.Length; s++)
            if (counts[s] > counts[(int)best]) best = (StoryScript)s;
        return best;
    }

    private static StoryScript Of(char c) => c switch
    {
        < '\u0250' => StoryScript.Latin,
        >= '\u0370' and < '\u0400' => StoryScript.Greek,
        >= '\u0400' and < '\u0530' => StoryScript.Cyrillic,
        >= '\u0590' and < '\u0600' => StoryScript.Hebrew,
        >= '\u0600' and < '\u0780' => StoryScript.Arabic,
        >= '\u1E00' and < '\u1F00' => StoryScript.Latin,
        >= '\u3040' and < '\uA000' or >= '\uAC00' and < '\uD7B0' => StoryScript.Cjk,
        _ => StoryScript.Other,
    };
}
