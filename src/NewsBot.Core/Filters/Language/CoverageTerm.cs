namespace NewsBot.Core.Filters.Language;

/// <summary>
/// <c>outlets:N</c> while the filter is parsed: "alert only once N outlets report the story". It
/// names no text, so it never stays in <see cref="Filter.Root"/>; <see cref="CoverageTerm.Take"/>
/// lifts it into <see cref="Filter.MinOutlets"/>. It counts whole stories, not one article, so it
/// means something only beside the rest of the filter (ANDed at the top): under OR or NOT
/// ("this article, or three outlets") it would mix an article's words with a story's size.
/// </summary>
internal sealed class OutletsNode(int count, int column) : FilterNode
{
    public int Count { get; } = count;
    public int Column { get; } = column;
}

/// <summary>Rules of the coverage term <c>outlets:N</c>.</summary>
public static class CoverageTerm
{
    /// <summary>Smallest N; <c>outlets:1</c> is the same as no coverage term.</summary>
    public const int MinOutlets = 1;

    /// <summary>
    /// Largest N: beyond it a story is rarely reported by that many distinct sites within its window,
    /// and a filter that can never alert is a mistake we would rather point out.
    /// </summary>
    public const int MaxOutlets = 50;

    internal static OutletsNode Parse(string value, int column)
    {
        if (value.Length is 0 or > 2 || !value.All(char.IsAsciiDigit) || int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) is < MinOutlets or > MaxOutlets)
            throw new FilterSyntaxException($"outlets: needs a whole number from {MinOutlets} to {MaxOutlets} right after the colon, e.g. outlets:3", column);
        return new OutletsNode(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture), column);
    }

    /// <summary>
    /// Lifts the one top-level <c>outlets:N</c> out of the parsed tree. What is left is the text part
    /// of the filter; for <c>outlets:3</c> alone that is an AND of nothing, true for every article.
    /// </summary>
    internal static (FilterNode Root, int MinOutlets) Take(FilterNode root)
    {
        var top = root is AndNode and ? and.Children : [root];
        OutletsNode? outlets = null;
        var rest = new List<FilterNode>(top.Count);
        foreach (var child in top)
        {
            if (child is not OutletsNode found) rest.Add(child);
            else if (outlets is null) outlets = found;
            else throw new FilterSyntaxException("outlets: may appear only once in a filter", found.Column);
        }
        if (rest.Select(Misplaced).FirstOrDefault(m => m is not null) is { } misplaced) throw MisplacedAt(misplaced.Column);
        if (outlets is null) return (root, MinOutlets);
        return (rest.Count == 1 ? rest[0] : new AndNode(rest), outlets.Count);
    }

    /// <summary>The error for an <c>outlets:</c> under OR, NOT, title: or in parentheses.</summary>
    internal static FilterSyntaxException MisplacedAt(int column) => new(
        "outlets: counts the outlets of the whole story, so it goes beside the rest of the filter, not inside parentheses, OR, NOT or title: (e.g. (ceasefire OR truce) outlets:3)",
        column);

    /// <summary>The first outlets: below the top level, if any (the tree's depth is capped by the grammar).</summary>
    private static OutletsNode? Misplaced(FilterNode node) => node switch
    {
        OutletsNode outlets => outlets,
        NotNode not => Misplaced(not.Child),
        AndNode and => and.Children.Select(Misplaced).FirstOrDefault(m => m is not null),
        OrNode or => or.Children.Select(Misplaced).FirstOrDefault(m => m is not null),
        _ => null,
    };
}
