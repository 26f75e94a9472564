using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Filters;
using NewsBot.Pipeline.Match;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Application.Filters;

/// <summary>
/// A chat's filters, kept in the database and this instance's live index together (other instances
/// catch up at their filter sync), for chat commands, webhook registration and the admin console:
/// the filter language's checks, the limits per chat and per sender, and "one filter per meaning".
/// </summary>
public sealed class ChatFilters(FilterIndexHolder index, FilterLimits limits, TimeProvider time)
{
    /// <param name="addedBy">
    /// "platform:user id" of the sender, or null when no person sent it (configured webhooks).
    /// Filters count against their sender's <see cref="FilterLimits.MaxFiltersPerUser"/> across all
    /// chats: a group's or channel's filters count for the admin who added them.
    /// </param>
    public async Task<FilterAddResult> AddAsync(NewsBotDbContext db, Chat chat, string text, string? addedBy, CancellationToken ct)
    {
        if (FilterParser.Parse(text, limits) is FilterParseResult.Error error) return new FilterAddResult.Invalid(error.Message);
        var filter = ((FilterParseResult.Success)FilterParser.Parse(text, limits)).Filter;

        var existing = await db.Filters.Where(f => f.ChatId == chat.Id && f.OwnerUserId == null).ToListAsync(ct);
        if (existing.Count >= limits.MaxFiltersPerChat) return new FilterAddResult.ChatFull(existing.Count);
        if (addedBy is not null && await db.Filters.CountAsync(f => f.AddedBy == addedBy, ct) is var mine && mine >= limits.MaxFiltersPerUser)
            return new FilterAddResult.SenderFull(mine);
        if (existing.Any(f => FilterParser.Parse(f.Text, limits) is FilterParseResult.Success s && s.Filter.Normalized == filter.Normalized))
            return new FilterAddResult.Duplicate(filter.Normalized);

        var row = new ChatFilter { ChatId = chat.Id, Text = text.Trim(), AddedBy = addedBy, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Filters.Add(row);
        await db.SaveChangesAsync(ct);
        index.Add(row.Id, chat.Id, row.Text);
        return new FilterAddResult.Added(row, existing.Count + 1, filter);
    }

    /// <summary>
    /// The chat's own filters in the order they were added; a filter's number is its place here. Members'
    /// personal filters (<see cref="PersonalFilters"/>) are not the chat's and never listed here.
    /// </summary>
    public Task<List<ChatFilter>> ListAsync(NewsBotDbContext db, long chatId, CancellationToken ct) =>
        db.Filters.Where(f => f.ChatId == chatId && f.OwnerUserId == null).OrderBy(f => f.Id).ToListAsync(ct);

    public async Task<FilterRemoveResult> RemoveNumberAsync(NewsBotDbContext db, long chatId, int number, CancellationToken ct)
    {
        var rows = await ListAsync(db, chatId, ct);
        if (number < 1 || number > rows.Count) return new FilterRemoveResult.NoSuchNumber(rows.Count);
        await RemoveAsync(db, rows[number - 1], ct);
        return new FilterRemoveResult.Removed(number, rows[number - 1]);
    }

    /// <summary>
    /// Removes one filter by id, if it belongs to the chat — the admin console's way, the only one
    /// for chats nobody can type commands in, such as Discord webhooks. Null when it does not.
    /// </summary>
    public async Task<ChatFilter?> RemoveByIdAsync(NewsBotDbContext db, long chatId, long filterId, CancellationToken ct)
    {
        var row = await db.Filters.FirstOrDefaultAsync(f => f.Id == filterId && f.ChatId == chatId, ct);
        if (row is not null) await RemoveAsync(db, row, ct);
        return row;
    }

    /// <summary>Drops filters from the live index after their chat was deleted (the database dropped the rows).</summary>
    public void Forget(IEnumerable<long> filterIds)
    {
        foreach (var id in filterIds) index.Remove(id);
    }

    private async Task RemoveAsync(NewsBotDbContext db, ChatFilter row, CancellationToken ct)
    {
        db.Filters.Remove(row);
        await db.SaveChangesAsync(ct);
        index.Remove(row.Id);
    }
}
