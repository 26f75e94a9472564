namespace NewsBot.Core.Filters;

/// <summary>One filter that matched an article, with the terms that made it match.</summary>
public sealed record FilterMatch(long FilterId, long ChatId, IReadOnlyList<string> MatchedTerms);
