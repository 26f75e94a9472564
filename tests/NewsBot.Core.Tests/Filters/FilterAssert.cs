using NewsBot.Core.Filters;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Core.Tests.Filters;

internal static class FilterAssert
{
    public static Filter Parsed(string text, FilterLimits? limits = null) =>
        FilterParser.Parse(text, limits) switch
        {
            FilterParseResult.Success success => success.Filter,
            FilterParseResult.Error error => throw new Xunit.Sdk.XunitException($"'{text}' did not parse: {error.Message}"),
            _ => throw new InvalidOperationException(),
        };

    public static FilterParseResult.Error Failed(string text, FilterLimits? limits = null) =>
        Assert.IsType<FilterParseResult.Error>(FilterParser.Parse(text, limits));

    /// <summary>Checks the reference evaluator and a one-filter index give the same answer, and returns it.</summary>
    public static IReadOnlyList<string>? Match(string filterText, ArticleText article)
    {
        var filter = Parsed(filterText);
        var reference = FilterEvaluator.Match(filter, article);
        using var index = new FilterIndex();
        index.Add(1, 100, filter);
        var indexed = index.Match(article);
        Assert.Equal(reference is not null, indexed.Count == 1);
        if (reference is not null) Assert.Equal(reference, indexed[0].MatchedTerms);
        return reference;
    }

    /// <summary>The index's matches as "id/chat: terms" in filter id order (the index returns them in no particular order).</summary>
    public static IEnumerable<string> ById(IReadOnlyList<FilterMatch> matches) =>
        matches.OrderBy(m => m.FilterId).Select(m => $"{m.FilterId}/{m.ChatId}: {string.Join(", ", m.MatchedTerms)}");

    /// <summary>What the reference evaluator matches among these filters, in the form and order of <see cref="ById"/>.</summary>
    public static IEnumerable<string> ByReference(IEnumerable<(long Id, long Chat, Filter Filter)> filters, ArticleAnalysis analysis) =>
        filters.OrderBy(f => f.Id)
            .Select(f => (f.Id, f.Chat, Terms: FilterEvaluator.Match(f.Filter, analysis)))
            .Where(m => m.Terms is not null)
            .Select(m => $"{m.Id}/{m.Chat}: {string.Join(", ", m.Terms!)}");

    public static bool Matches(string filterText, string title, string body = "", string source = "Example News", string? host = "example.com") =>
        Match(filterText, new ArticleText(title, body, source, host)) is not null;
}
