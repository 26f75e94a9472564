namespace NewsBot.Pipeline.Match;

/// <summary>
/// Where a member's personal filter (<c>/follow</c>) sends its matches: the member's private chat
/// (<see cref="PersonalChatId"/>, null when none is known: then they are mentioned in the shared chat),
/// never the shared chat <see cref="SharedChatId"/> the filter lives in.
/// </summary>
public sealed record PersonalRoute(long SharedChatId, string OwnerUserId, string? OwnerName, long? PersonalChatId);
