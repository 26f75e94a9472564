using NewsBot.Core.Filters.Language;

namespace NewsBot.Core.Filters;

/// <summary>
/// A parsed filter: stored as the user typed it (<see cref="Text"/>), shown back as NewsBot
/// understands it (<see cref="Normalized"/>). The language is described in docs on
/// <see cref="FilterParser"/>.
/// </summary>
public sealed class Filter
{
    internal Filter(string text, FilterNode root, int minOutlets = CoverageTerm.MinOutlets)
    {
        Text = text;
        Root = root;
        MinOutlets = minOutlets;
        var printed = NormalizedPrinter.Print(root);
        // The coverage term is printed last, wherever it was typed: "outlets:3 gaza" and
        // "gaza outlets:3" are the same filter and share one index entry.
        Normalized = minOutlets == CoverageTerm.MinOutlets ? printed
            : printed.Length == 0 ? $"outlets:{minOutlets}" : $"{printed} outlets:{minOutlets}";
    }

    /// <summary>The filter as the user typed it.</summary>
    public string Text { get; }

    /// <summary>The filter as NewsBot understands it, for showing back to the user.</summary>
    public string Normalized { get; }

    /// <summary>
    /// The parsed tree of what to look for in an article's text; an AND of nothing (every article)
    /// when the filter is only <c>outlets:N</c>.
    /// </summary>
    public FilterNode Root { get; }

    /// <summary>
    /// <c>outlets:N</c>: alert only once N distinct outlets report the article's story; 1 when the
    /// filter has no coverage term. Matching an article (<see cref="FilterEvaluator"/>,
    /// <see cref="FilterIndex"/>) looks at the text only; the host counts the outlets.
    /// </summary>
    public int MinOutlets { get; }

    public override string ToString() => Normalized;
}
