using System.Text;
using NewsBot.Core.Delivery;

namespace NewsBot.Discord.Rendering;

/// <summary>
/// Digests go out as message content, where Discord reads markdown: a headline like "*Breaking* __now__"
/// would turn bold and underlined, and "&lt;t:0&gt;" into a timestamp. Headlines and source names are
/// escaped with a backslash before each markdown character (Discord shows an escaped punctuation mark as
/// itself); links stay as they are so they remain clickable. Content is at most 2,000 characters
/// (resources/message.mdx "Create Message"); the backslashes count, which the layout's measure includes.
/// </summary>
public static class DigestMarkdown
{
    public const int MaxContentLength = 2000;

    private const string Special = @"\*_~`|>#[]()<:-";

    public static DigestLayout Layout { get; } = new(MaxContentLength, RenderLine) { RenderHeader = Escape };

    public static string RenderLine(DigestStory story)
    {
        var line = new StringBuilder("• ").Append(Escape(story.Headline));
        if (story.Link is not null) line.Append(" — ").Append(story.Link);
        if (story.AlsoSources.Count > 0) line.Append(" (also: ").Append(Escape(string.Join(", ", story.AlsoSources))).Append(')');
        return line.ToString();
    }

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c)) escaped.Append('\\');
            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }
        return escaped.ToString();
    }
}
