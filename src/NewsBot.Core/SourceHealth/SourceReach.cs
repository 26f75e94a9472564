using NewsBot.Core.Filters;
using NewsBot.Core.Filters.Language;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Core.SourceHealth;

/// <summary>A source as filters see it: its name and host (what <c>source:</c> looks at).</summary>
public sealed record SourceIdentity(long Id, string Name, string? Host);

/// <summary>
/// Which sources a filter can ever deliver from. Only <c>source:</c> terms decide that; every other
/// term may or may not match a future article, so it counts as "unknown" (three-valued logic):
/// a filter can match a source unless its source restrictions alone make it false.
/// </summary>
public static class SourceReach
{
    public static bool CanMatch(Filter filter, SourceIdentity source) =>
        Evaluate(filter.Root, TextFolding.Fold(source.Name), TextFolding.Fold(source.Host ?? "")) != Truth.False;

    /// <summary>The ids of <paramref name="sources"/> that at least one of <paramref name="filters"/> can match.</summary>
    public static IReadOnlySet<long> Of(IEnumerable<Filter> filters, IReadOnlyList<SourceIdentity> sources)
    {
        var reached = new HashSet<long>();
        foreach (var filter in filters)
            foreach (var source in sources)
                if (!reached.Contains(source.Id) && CanMatch(filter, source)) reached.Add(source.Id);
        return reached;
    }

    private enum Truth { False, Unknown, True }

    private static Truth Evaluate(FilterNode node, string name, string host) => node switch
    {
        // The same test FilterEvaluator.SourceMatches makes on an article of this source.
        SourceNode s => name.Contains(s.Value, StringComparison.Ordinal) || host.Contains(s.Value, StringComparison.Ordinal) ? Truth.True : Truth.False,
        NotNode not => Evaluate(not.Child, name, host) switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => Truth.Unknown },
        AndNode and => and.Children.Select(c => Evaluate(c, name, host)).Aggregate(Truth.True, (a, b) => a < b ? a : b),
        OrNode or => or.Children.Select(c => Evaluate(c, name, host)).Aggregate(Truth.False, (a, b) => a > b ? a : b),
        _ => Truth.Unknown, // a word, phrase, prefix or regex: depends on the article
    };
}
