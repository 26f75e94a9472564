using NewsBot.Core.Filters.Language;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Core.Filters;

/// <summary>
/// Checks one filter against one article directly, term by term: the specification the index
/// must agree with (a property test holds them to it).
/// </summary>
public static class FilterEvaluator
{
    /// <returns>The filter's matched terms (those not under NOT, in filter order), or null when it does not match.</returns>
    public static IReadOnlyList<string>? Match(Filter filter, ArticleText article) => Match(filter, ArticleAnalysis.Of(article));

    public static IReadOnlyList<string>? Match(Filter filter, ArticleAnalysis article)
    {
        if (!Evaluate(filter.Root, article)) return null;
        var matched = new List<string>();
        foreach (var term in FilterShape.PositiveTerms(filter.Root))
            if (TermMatches(term, article) && !matched.Contains(term.Display)) matched.Add(term.Display);
        return matched;
    }

    private static bool Evaluate(FilterNode node, ArticleAnalysis article) => node switch
    {
        TermNode term => TermMatches(term, article),
        SourceNode source => SourceMatches(source.Value, article),
        NotNode not => !Evaluate(not.Child, article),
        AndNode and => and.Children.All(c => Evaluate(c, article)),
        OrNode or => or.Children.Any(c => Evaluate(c, article)),
        _ => false,
    };

    public static bool SourceMatches(string foldedValue, ArticleAnalysis article) =>
        article.SourceName.Contains(foldedValue, StringComparison.Ordinal)
        || article.SourceHost.Contains(foldedValue, StringComparison.Ordinal);

    public static bool TermMatches(TermNode term, ArticleAnalysis article) => term is LanguageTerm language
        ? string.Equals(language.Code, article.Language, StringComparison.Ordinal)
        : TermMatches(term, article.Title) || !term.TitleOnly && TermMatches(term, article.Body);

    private static bool TermMatches(TermNode term, AnalyzedText text)
    {
        switch (term)
        {
            case WordTerm word:
                for (var i = 0; i < text.Count; i++)
                    if (text.CompoundAt(i, word.Compound)) return true;
                return false;
            case PrefixTerm prefix:
                for (var i = 0; i < text.Count; i++)
                    if (text.Word(i).StartsWith(prefix.Prefix, StringComparison.Ordinal)) return true;
                return false;
            case RegexTerm regex:
                return regex.IsMatch(text.Folded);
            default:
                return false;
        }
    }
}
