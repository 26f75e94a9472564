using NewsBot.Core.Filters.Language;

namespace NewsBot.Core.Filters.Index;

/// <summary>
/// Turns a parsed filter into its index form (terms shared through the <see cref="TermTable"/>) and chooses its keys: a set of terms at least one
/// of which every matching article contains. AND needs only its rarest child's keys; OR
/// needs keys from every branch; NOT and source: give none. A filter without keys (only a
/// regex without required literals) is verified for every article. "Rarest" is estimated as
/// Lucene Monitor does, from the terms alone: a term many filters use is usually a common word in
/// the news too (gaza, bitcoin), and among equally used terms the longer one is rarer.
/// </summary>
internal static class FilterCompiler
{
    public static CompiledNode Compile(FilterNode node, TermTable terms) => node switch
    {
        TermNode term => terms.Acquire(term),
        SourceNode source => new CompiledSource(source.Value),
        NotNode not => new CompiledNot(Compile(not.Child, terms)),
        AndNode and => new CompiledAnd(and.Children.Select(c => Compile(c, terms)).ToArray()),
        OrNode or => new CompiledOr(or.Children.Select(c => Compile(c, terms)).ToArray()),
        _ => throw new ArgumentException($"filter index: unknown filter node {node.GetType().Name}", nameof(node)),
    };

    public static IndexedTerm[]? Keys(CompiledNode node)
    {
        switch (node)
        {
            case IndexedTerm term:
                return term.Indexable ? [term] : null;
            case CompiledAnd and:
                IndexedTerm[]? best = null;
                foreach (var child in and.Children)
                {
                    var keys = Keys(child);
                    if (keys is not null && (best is null || Cost(keys).CompareTo(Cost(best)) < 0)) best = keys;
                }
                return best;
            case CompiledOr or:
                var union = new List<IndexedTerm>();
                foreach (var child in or.Children)
                {
                    var keys = Keys(child);
                    if (keys is null) return null;
                    foreach (var key in keys)
                        if (!union.Contains(key)) union.Add(key);
                }
                return union.ToArray();
            default:
                return null;
        }
    }

    /// <summary>
    /// The cheapest indexable term among the top-level AND's direct children other than the keys:
    /// every match contains it, so a candidate without it is skipped unverified.
    /// </summary>
    public static IndexedTerm? Companion(CompiledNode root, IndexedTerm[]? keys)
    {
        if (root is not CompiledAnd and || keys is null) return null;
        IndexedTerm? best = null;
        foreach (var child in and.Children)
        {
            if (child is IndexedTerm { Indexable: true } term && Array.IndexOf(keys, term) < 0
                && (best is null || Cost([term]).CompareTo(Cost([best])) < 0))
                best = term;
        }
        return best;
    }

    /// <summary>
    /// Expected candidates from a key set: the filters sharing its terms, then shortness as tie-breaker.
    /// A language is in a large share of all articles (every English one for <c>lang:en</c>), so it is
    /// a key only when the filter has nothing else to offer (<c>lang:ar</c> alone, an OR branch).
    /// </summary>
    private static (long Users, int Shortness) Cost(IndexedTerm[] keys) =>
        (keys.Sum(k => k.IsLanguage ? LanguageCost + k.References : k.References), -keys.Min(k => k.Specificity));

    private const long LanguageCost = 1L << 40;
}
