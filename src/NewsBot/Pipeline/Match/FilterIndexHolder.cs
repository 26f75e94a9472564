using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Core.Filters;
using NewsBot.Startup;
using NewsBot.Storage;

namespace NewsBot.Pipeline.Match;

/// <summary>
/// The one in-memory index of every chat's filters. Loaded from the database at start; commands
/// that add or remove a filter update it at once, so a change counts for the next article.
/// </summary>
public sealed partial class FilterIndexHolder(IOptions<FilterIndexOptions> options, ILogger<FilterIndexHolder> log)
{
    public FilterIndex Index { get; } = new();

    public async Task LoadAsync(NewsBotDbContext db, CancellationToken ct)
    {
        var rows = await db.Filters.AsNoTracking().Select(f => new { f.Id, f.ChatId, f.Text }).ToListAsync(ct);
        var parsed = new List<(long, long, Filter)>(rows.Count);
        foreach (var row in rows)
        {
            if (FilterParser.Parse(row.Text) is FilterParseResult.Success ok) parsed.Add((row.Id, row.ChatId, ok.Filter));
            else LogUnparsable(row.Id, row.ChatId);
        }
        Index.AddRange(parsed);
        if (options.Value.HugePages && parsed.Count >= FilterIndexOptions.HugePagesFrom) HugePages.SettleAndRequest();
        LogLoaded(Index.Count, rows.Count);
    }

    /// <summary>Adds a stored filter; one that no longer parses is logged and left out rather than failing start-up.</summary>
    public bool Add(long filterId, long chatId, string text)
    {
        if (FilterParser.Parse(text) is FilterParseResult.Success ok)
        {
            Index.Add(filterId, chatId, ok.Filter);
            return true;
        }
        LogUnparsable(filterId, chatId);
        return false;
    }

    public void Remove(long filterId) => Index.Remove(filterId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Filter index loaded: {Active} of {Stored} stored filters")]
    private partial void LogLoaded(int active, int stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Filter {FilterId} of chat {ChatId} no longer parses and is ignored")]
    private partial void LogUnparsable(long filterId, long chatId);
}
