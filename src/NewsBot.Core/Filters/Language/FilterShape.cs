namespace NewsBot.Core.Filters.Language;

/// <summary>Questions about a parsed filter's structure.</summary>
public static class FilterShape
{
    /// <summary>
    /// True when the filter can only match through a term found in the text: every OR branch has
    /// one, an AND has one somewhere. <c>-football</c> and <c>source:bbc</c> alone do not.
    /// </summary>
    public static bool HasPositiveTerm(FilterNode node) => node switch
    {
        TermNode => true,
        AndNode and => and.Children.Any(HasPositiveTerm),
        OrNode or => or.Children.All(HasPositiveTerm),
        _ => false,
    };

    /// <summary>
    /// True when the filter takes a source's articles by itself: a <c>source:</c> not under a NOT, beside any other
    /// terms (<c>source:"Al Mayadeen"</c> routes a feed to a chat or topic in one line). <c>-source:bbc</c> alone does not.
    /// </summary>
    public static bool SelectsSource(FilterNode node) => node switch
    {
        SourceNode => true,
        AndNode and => and.Children.Any(SelectsSource),
        _ => false,
    };

    /// <summary>
    /// Terms not under a NOT, in the order typed: the ones reported when they match. <c>lang:</c> is
    /// left out: like <c>source:</c> it says where to look, not what was found.
    /// </summary>
    public static IEnumerable<TermNode> PositiveTerms(FilterNode node)
    {
        switch (node)
        {
            case LanguageTerm:
                break;
            case TermNode term:
                yield return term;
                break;
            case AndNode and:
                foreach (var child in and.Children)
                    foreach (var term in PositiveTerms(child)) yield return term;
                break;
            case OrNode or:
                foreach (var child in or.Children)
                    foreach (var term in PositiveTerms(child)) yield return term;
                break;
        }
    }

    /// <summary>True when the filter has a <c>lang:</c> term anywhere (also under NOT): it needs the article's language.</summary>
    public static bool NamesLanguage(FilterNode node) => node switch
    {
        LanguageTerm => true,
        NotNode not => NamesLanguage(not.Child),
        AndNode and => and.Children.Any(NamesLanguage),
        OrNode or => or.Children.Any(NamesLanguage),
        _ => false,
    };

    /// <summary>Rewrites every term below <paramref name="node"/> to look at the headline only.</summary>
    public static FilterNode LimitToTitle(FilterNode node, int column) => node switch
    {
        WordTerm w => new WordTerm(true, w.Display, w.Compound),
        PrefixTerm p => new PrefixTerm(true, p.Prefix),
        RegexTerm r => new RegexTerm(true, r.Pattern, r.Regex, r.RequiredLiterals),
        AndNode and => new AndNode(and.Children.Select(c => LimitToTitle(c, column)).ToArray()),
        OrNode or => new OrNode(or.Children.Select(c => LimitToTitle(c, column)).ToArray()),
        NotNode not => new NotNode(LimitToTitle(not.Child, column)),
        SourceNode => throw new FilterSyntaxException("source: cannot be used inside title:", column),
        LanguageTerm => throw new FilterSyntaxException("lang: cannot be used inside title:", column),
        _ => node,
    };
}
