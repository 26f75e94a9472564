using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Filters;
using NewsBot.Pipeline.Match;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Application.Filters;

/// <summary>
/// Members' personal filters in a shared chat (<c>/follow</c>): stored in the shared chat with their
/// owner, counted apart from the chat's own filters (so /list and /remove never see them), checked like
/// /add (the filter language, the owner's <see cref="FilterLimits.MaxFiltersPerUser"/> across chats, one
/// filter per meaning) and capped per member and per chat (<see cref="PersonalFilterLimits"/>).
/// </summary>
public sealed class PersonalFilters(FilterIndexHolder index, FilterLimits limits, PersonalFilterLimits personal, TimeProvider time)
{
    /// <param name="owner">The member: platform user id and display name.</param>
    /// <param name="privateChat">The member's private chat with the bot, where the alerts go; null: they are mentioned in the chat.</param>
    /// <param name="addedBy">"platform:user id", the key <see cref="FilterLimits.MaxFiltersPerUser"/> counts by.</param>
    public async Task<FilterAddResult> FollowAsync(NewsBotDbContext db, Chat chat, (string Id, string? Name) owner, Chat? privateChat, string text, string addedBy,
        CancellationToken ct)
    {
        if (FilterParser.Parse(text, limits) is not FilterParseResult.Success ok) return new FilterAddResult.Invalid(((FilterParseResult.Error)FilterParser.Parse(text, limits)).Message);
        var filter = ok.Filter;

        var mine = await ListAsync(db, chat.Id, owner.Id, ct);
        if (mine.Count >= personal.PerMember) return new FilterAddResult.MemberFull(mine.Count);
        if (await db.Filters.CountAsync(f => f.ChatId == chat.Id && f.OwnerUserId != null, ct) is var inChat && inChat >= personal.PerChat)
            return new FilterAddResult.ChatFull(inChat);
        if (await db.Filters.CountAsync(f => f.AddedBy == addedBy, ct) is var total && total >= limits.MaxFiltersPerUser)
            return new FilterAddResult.SenderFull(total);
        if (mine.Any(f => FilterParser.Parse(f.Text, limits) is FilterParseResult.Success s && s.Filter.Normalized == filter.Normalized))
            return new FilterAddResult.Duplicate(filter.Normalized);

        var name = owner.Name is { Length: > 100 } full ? full[..100] : owner.Name;
        var row = new ChatFilter
        {
            ChatId = chat.Id, Text = text.Trim(), AddedBy = addedBy, CreatedAt = time.GetUtcNow().UtcDateTime,
            OwnerUserId = owner.Id, OwnerName = name, PersonalChatId = privateChat?.Id,
        };
        db.Filters.Add(row);
        // Any earlier filters of the member here follow the private chat they have now (they may have started the bot since).
        foreach (var earlier in mine) earlier.PersonalChatId = privateChat?.Id ?? earlier.PersonalChatId;
        await db.SaveChangesAsync(ct);
        foreach (var f in mine.Append(row)) index.Add(f.Id, chat.Id, f.Text, Route(f));
        return new FilterAddResult.Added(row, mine.Count + 1, filter);
    }

    /// <summary>The member's personal filters in the chat, in the order they were added; a filter's number is its place here.</summary>
    public Task<List<ChatFilter>> ListAsync(NewsBotDbContext db, long chatId, string ownerUserId, CancellationToken ct) =>
        db.Filters.Where(f => f.ChatId == chatId && f.OwnerUserId == ownerUserId).OrderBy(f => f.Id).ToListAsync(ct);

    public async Task<FilterRemoveResult> UnfollowAsync(NewsBotDbContext db, long chatId, string ownerUserId, int number, CancellationToken ct)
    {
        var rows = await ListAsync(db, chatId, ownerUserId, ct);
        if (number < 1 || number > rows.Count) return new FilterRemoveResult.NoSuchNumber(rows.Count);
        db.Filters.Remove(rows[number - 1]);
        await db.SaveChangesAsync(ct);
        index.Remove(rows[number - 1].Id);
        return new FilterRemoveResult.Removed(number, rows[number - 1]);
    }

    /// <summary>Where a stored personal filter's matches go.</summary>
    public static PersonalRoute Route(ChatFilter row) => new(row.ChatId, row.OwnerUserId!, row.OwnerName, row.PersonalChatId);
}

/// <summary>
/// NewsBot:Commands:MaxFollowsPerMember and MaxFollowsPerChat: personal filters one member may keep in one
/// shared chat, and all members together in one chat (each filter costs the index and, on a match, a message).
/// </summary>
public sealed record PersonalFilterLimits(int PerMember, int PerChat);
