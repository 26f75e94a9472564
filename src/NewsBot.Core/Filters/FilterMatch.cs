namespace NewsBot.Core.Filters;

/// <summary>
/// One filter that matched an article, with the terms that made it match. A value, not an object:
/// a popular article matches hundreds of filters and the index hands them out in one array.
/// </summary>
public readonly record struct FilterMatch(long FilterId, long ChatId, IReadOnlyList<string> MatchedTerms);
