namespace NewsBot.Core.Filters;

/// <summary>
/// A parsed filter. Foundation version: one word or one quoted phrase, matched
/// case-insensitively on whole words in the title and body. The filter-language issue
/// replaces the internals; the public surface stays.
/// </summary>
public sealed class Filter
{
    internal Filter(string text, string[] words)
    {
        Text = text;
        Words = words;
    }

    /// <summary>The filter as the user typed it.</summary>
    public string Text { get; }

    internal string[] Words { get; }

    /// <summary>The filter as NewsBot understands it, for showing back to the user.</summary>
    public string Normalized => Words.Length == 1 ? Words[0] : "\"" + string.Join(' ', Words) + "\"";
}
