namespace NewsBot.Storage.Entities;

/// <summary>
/// One news event as reported by one or more sources. Articles whose headline and lead are near
/// duplicates within the grouping window share a story, and a chat gets one alert per story.
/// </summary>
public sealed class Story
{
    public long Id { get; set; }
    public DateTime FirstSeenAt { get; set; }

    /// <summary>
    /// Set when an article bridged this story and an older one: the older (lower id) survives and
    /// this one's articles count as its. Always points at a story that is not merged itself.
    /// </summary>
    public long? MergedIntoId { get; set; }
}
