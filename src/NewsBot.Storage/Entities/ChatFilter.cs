namespace NewsBot.Storage.Entities;

/// <summary>One filter line of a chat, stored exactly as the user typed it.</summary>
public sealed class ChatFilter
{
    public long Id { get; set; }
    public long ChatId { get; set; }
    public Chat? Chat { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Who added the filter: "platform:user id" of the command's sender, so the per-user limit counts a
    /// person's filters across all their chats. Null for filters from configuration, seeding or older rows.
    /// </summary>
    public string? AddedBy { get; set; }
}
