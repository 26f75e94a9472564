using NewsBot.Core.Filters;
using NewsBot.Storage.Entities;

namespace NewsBot.Application.Filters;

/// <summary>What became of a request to add a filter to a chat. Callers word each case for their medium.</summary>
public abstract record FilterAddResult
{
    private FilterAddResult() { }

    /// <summary>Stored and in the live index; <see cref="Number"/> is its place in the chat's list (1-based).</summary>
    public sealed record Added(ChatFilter Row, int Number, Filter Filter) : FilterAddResult;

    /// <summary>The filter language refused it; <see cref="Message"/> is the parser's reason.</summary>
    public sealed record Invalid(string Message) : FilterAddResult;

    /// <summary>The chat has <see cref="Count"/> filters, NewsBot:Commands:MaxFiltersPerChat.</summary>
    public sealed record ChatFull(int Count) : FilterAddResult;

    /// <summary>The sender has added <see cref="Count"/> filters across chats, NewsBot:Commands:MaxFiltersPerUser.</summary>
    public sealed record SenderFull(int Count) : FilterAddResult;

    /// <summary>The member has <see cref="Count"/> personal filters in this chat, NewsBot:Commands:MaxFollowsPerMember.</summary>
    public sealed record MemberFull(int Count) : FilterAddResult;

    /// <summary>The chat has a filter that means the same (<see cref="Normalized"/>).</summary>
    public sealed record Duplicate(string Normalized) : FilterAddResult;
}

/// <summary>What became of removing a chat's filter by its number in the list.</summary>
public abstract record FilterRemoveResult
{
    private FilterRemoveResult() { }

    public sealed record Removed(int Number, ChatFilter Row) : FilterRemoveResult;

    /// <summary>No filter has that number; the chat has <see cref="Count"/>.</summary>
    public sealed record NoSuchNumber(int Count) : FilterRemoveResult;
}
