namespace NewsBot.Storage.Entities;

/// <summary>"Mute this story": the chat gets no more alerts or updates from the story (nor from stories merged into it).</summary>
public sealed class ChatStoryMute
{
    public long ChatId { get; set; }
    public long StoryId { get; set; }
    public DateTime CreatedAt { get; set; }
}
