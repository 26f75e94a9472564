using NewsBot.Core.Filters.Language;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Core.Filters.Index;

/// <summary>What one article's scan found: terms seen in it, and regexes worth running. Lives for one Match call.</summary>
internal sealed class MatchContext(ArticleAnalysis article)
{
    private Dictionary<IndexedTerm, bool>? _regexResults;

    public ArticleAnalysis Article { get; } = article;

    /// <summary>Word and prefix terms verified present.</summary>
    public HashSet<IndexedTerm> Found { get; } = [];

    /// <summary>Regex terms one of whose literals' trigram occurs; still to be run.</summary>
    public HashSet<IndexedTerm> RegexCandidates { get; } = [];

    /// <summary>False only when the scan proves the term absent (a cheap necessary condition).</summary>
    public bool MayMatch(IndexedTerm term) =>
        term.Term is RegexTerm ? RegexCandidates.Contains(term) : Found.Contains(term);

    public bool IsMatched(IndexedTerm term)
    {
        if (term.Term is not RegexTerm) return Found.Contains(term);
        if (term.Indexable && !RegexCandidates.Contains(term)) return false;
        _regexResults ??= [];
        if (!_regexResults.TryGetValue(term, out var result))
        {
            result = FilterEvaluator.TermMatches(term.Term, Article);
            _regexResults[term] = result;
        }
        return result;
    }
}
