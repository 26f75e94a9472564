namespace NewsBot.Core.Delivery;

/// <summary>One held alert going into a digest.</summary>
public sealed record DigestEntry(
    string Headline,
    string? Link,
    string SourceName,
    long StoryId,
    DateTimeOffset Published,
    IReadOnlyList<string> MatchedTerms)
{
    /// <summary>The story's other sources as the alert would name them ("also reported by"), listed after those of the digest's own entries.</summary>
    public IReadOnlyList<string> AlsoSources { get; init; } = [];
}

/// <summary>
/// One line of a digest: the alerts of one story. Headline and link come from the first report;
/// <see cref="AlsoSources"/> are the other sources that reported it ("also: Reuters, AP").
/// </summary>
public sealed record DigestStory(
    long StoryId,
    string Headline,
    string? Link,
    string SourceName,
    IReadOnlyList<string> AlsoSources,
    DateTimeOffset Latest,
    IReadOnlyList<string> MatchedTerms,
    int AlertCount);

/// <summary>
/// How a platform shows a digest. <see cref="RenderLine"/> turns a story into one line of the
/// platform's markup (escaping included) and must not contain a line break;
/// <see cref="RenderHeader"/> does the same for the header text. <see cref="Measure"/> counts a
/// text the way the platform counts its limit; the default counts UTF-16 units, which is safe for
/// Telegram HTML because Telegram counts the text after entities are parsed (Bot API sendMessage:
/// "1-4096 characters after entities parsing"), never more than the markup's length.
/// </summary>
public sealed record DigestLayout(int MaxLength, Func<DigestStory, string> RenderLine)
{
    public Func<string, string> RenderHeader { get; init; } = header => header;
    public Func<string, int> Measure { get; init; } = text => text.Length;

    /// <summary>A plain-text layout: "headline — link (also: X, Y)".</summary>
    public static DigestLayout PlainText(int maxLength) => new(maxLength, PlainLine);

    public static string PlainLine(DigestStory story)
    {
        var line = "• " + story.Headline;
        if (story.Link is not null) line += " — " + story.Link;
        if (story.AlsoSources.Count > 0) line += " (also: " + string.Join(", ", story.AlsoSources) + ")";
        return line;
    }
}
