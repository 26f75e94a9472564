namespace NewsBot.Core.Filters;

/// <summary>
/// One filter that matched an article, with the terms that made it match. A value, not an object:
/// a popular article matches hundreds of filters and the index hands them out in one array.
/// <see cref="MinOutlets"/> is the filter's coverage term (<c>outlets:3</c>): the chat is alerted
/// only once that many outlets report the article's story; 1 when the filter has none.
/// </summary>
public readonly record struct FilterMatch(long FilterId, long ChatId, IReadOnlyList<string> MatchedTerms, int MinOutlets = 1);
