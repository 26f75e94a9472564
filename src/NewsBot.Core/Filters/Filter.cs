using NewsBot.Core.Filters.Language;

namespace NewsBot.Core.Filters;

/// <summary>
/// A parsed filter: stored as the user typed it (<see cref="Text"/>), shown back as NewsBot
/// understands it (<see cref="Normalized"/>). The language is described in docs on
/// <see cref="FilterParser"/>.
/// </summary>
public sealed class Filter
{
    internal Filter(string text, FilterNode root)
    {
        Text = text;
        Root = root;
        Normalized = NormalizedPrinter.Print(root);
    }

    /// <summary>The filter as the user typed it.</summary>
    public string Text { get; }

    /// <summary>The filter as NewsBot understands it, for showing back to the user.</summary>
    public string Normalized { get; }

    /// <summary>The parsed tree.</summary>
    public FilterNode Root { get; }

    public override string ToString() => Normalized;
}
