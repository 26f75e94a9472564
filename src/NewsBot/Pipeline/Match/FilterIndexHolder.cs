using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Core.Filters;
using NewsBot.Startup;
using NewsBot.Storage;

namespace NewsBot.Pipeline.Match;

/// <summary>
/// The one in-memory index of every chat's filters. Loaded from the database at start; commands
/// that add or remove a filter update it at once, so a change counts for the next article.
/// A member's personal filter (<c>/follow</c>) is indexed like any other (under its shared chat, so
/// identical filters stay one entry); <see cref="Match"/> routes its matches to the member's private chat.
/// </summary>
public sealed partial class FilterIndexHolder(IOptions<FilterIndexOptions> options, ILogger<FilterIndexHolder> log)
{
    private readonly ConcurrentDictionary<long, PersonalRoute> _personal = new();

    public FilterIndex Index { get; } = new();

    public async Task LoadAsync(NewsBotDbContext db, CancellationToken ct)
    {
        var rows = await db.Filters.AsNoTracking().Select(f => new { f.Id, f.ChatId, f.Text, f.OwnerUserId, f.OwnerName, f.PersonalChatId }).ToListAsync(ct);
        var parsed = new List<(long, long, Filter)>(rows.Count);
        foreach (var row in rows)
        {
            if (FilterParser.Parse(row.Text) is FilterParseResult.Success ok) parsed.Add((row.Id, row.ChatId, ok.Filter));
            else LogUnparsable(row.Id, row.ChatId);
            if (row.OwnerUserId is not null) _personal[row.Id] = new PersonalRoute(row.ChatId, row.OwnerUserId, row.OwnerName, row.PersonalChatId);
        }
        Index.AddRange(parsed);
        if (options.Value.HugePages && parsed.Count >= FilterIndexOptions.HugePagesFrom) HugePages.SettleAndRequest();
        LogLoaded(Index.Count, rows.Count);
    }

    /// <summary>Adds a stored filter; one that no longer parses is logged and left out rather than failing start-up.</summary>
    /// <param name="personal">Set for a member's personal filter: where its matches go.</param>
    public bool Add(long filterId, long chatId, string text, PersonalRoute? personal = null)
    {
        if (personal is not null) _personal[filterId] = personal;
        else _personal.TryRemove(filterId, out _);
        if (FilterParser.Parse(text) is FilterParseResult.Success ok)
        {
            Index.Add(filterId, chatId, ok.Filter);
            return true;
        }
        LogUnparsable(filterId, chatId);
        return false;
    }

    public void Remove(long filterId)
    {
        Index.Remove(filterId);
        _personal.TryRemove(filterId, out _);
    }

    /// <summary>The personal filter's route, or null for a chat's own filter.</summary>
    public PersonalRoute? PersonalOf(long filterId) => _personal.GetValueOrDefault(filterId);

    /// <summary>
    /// The article's matches with each personal filter's match addressed to its member's private chat
    /// (<see cref="FilterMatch.ChatId"/> = the recipient), so a personal filter never alerts the shared chat.
    /// A personal filter whose member has no known private chat comes back in <c>Mentions</c>: the member is mentioned instead.
    /// </summary>
    public (IReadOnlyList<FilterMatch> Alerts, IReadOnlyList<(FilterMatch Match, PersonalRoute Route)> Mentions) Match(ArticleText article)
    {
        var matches = Index.Match(article);
        if (_personal.IsEmpty) return (matches, []);
        var alerts = new List<FilterMatch>(matches.Count);
        var mentions = new List<(FilterMatch, PersonalRoute)>();
        foreach (var match in matches)
        {
            if (!_personal.TryGetValue(match.FilterId, out var route)) alerts.Add(match);
            else if (route.PersonalChatId is { } recipient) alerts.Add(match with { ChatId = recipient });
            else mentions.Add((match, route));
        }
        return (alerts, mentions);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Filter index loaded: {Active} of {Stored} stored filters")]
    private partial void LogLoaded(int active, int stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Filter {FilterId} of chat {ChatId} no longer parses and is ignored")]
    private partial void LogUnparsable(long filterId, long chatId);
}
