using System.Text;
using AngleSharp.Dom;

namespace NewsBot.Sources.Pages.Links;

/// <summary>A link's headline and where it came from.</summary>
/// <param name="FromText">The anchor's own text (or a heading in it), not a title attribute or image alt.</param>
/// <param name="Heading">The link is a heading's (inside an h1–h6, or around one), as a story's headline is.</param>
internal readonly record struct AnchorText(string Title, bool FromText, bool Heading = false);

/// <summary>
/// The headline a reader sees on a link: the heading inside it when the whole card is the link,
/// else its text; for an image link, its title attribute or the image's alt text. Whitespace collapsed.
/// </summary>
internal static class AnchorTitle
{
    /// <summary>Longer "anchor text" is a card's whole teaser, not a headline.</summary>
    public const int MaxHeadlineChars = 300;

    /// <summary>Text read from one anchor at most; a hostile anchor wrapping half the page is cut here.</summary>
    private const int MaxReadChars = 4 * MaxHeadlineChars;

    private static readonly string[] NotHeadlines = ["read more", "continue reading", "more", "leave a comment", "comments"];

    public static AnchorText Of(IElement anchor)
    {
        // Cards wrap image, headline and teaser in one link: the heading is the headline.
        var heading = anchor.QuerySelector("h1, h2, h3, h4, h5, h6");
        var inHeading = heading is not null || anchor.ParentElement?.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
        var text = Collapse(heading ?? anchor);
        if (text.Length > 0) return new AnchorText(text, true, inHeading);
        var alt = anchor.GetAttribute("title") ?? anchor.QuerySelector("img[alt]")?.GetAttribute("alt") ?? "";
        return new AnchorText(CollapseText(alt), false, inHeading);
    }

    /// <summary>A few words, as headlines are: not a one-word section name, not "Read more", not a paragraph.</summary>
    public static bool IsHeadlineShaped(string title)
    {
        if (title.Length is 0 or > MaxHeadlineChars) return false;
        foreach (var phrase in NotHeadlines)
            if (title.StartsWith(phrase, StringComparison.OrdinalIgnoreCase) && title.Length <= phrase.Length + 12) return false;
        if (title.Length >= 20) return true;
        var words = 1;
        foreach (var c in title)
            if (c == ' ') words++;
        return words >= 3;
    }

    /// <summary>The element's text with whitespace runs as single spaces, read node by node up to <see cref="MaxReadChars"/>.</summary>
    public static string Collapse(IElement element)
    {
        var text = new StringBuilder();
        var pending = new Stack<INode>();
        pending.Push(element);
        while (pending.Count > 0 && text.Length < MaxReadChars)
        {
            var node = pending.Pop();
            if (node is IText t)
            {
                Append(text, t.Data);
                continue;
            }
            if (node is IElement e && e.LocalName is "script" or "style" or "noscript" or "template") continue;
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--) pending.Push(children[i]);
        }
        var collapsed = text.ToString().Trim();
        return collapsed.Length <= MaxReadChars ? collapsed : collapsed[..MaxReadChars];
    }

    public static string CollapseText(string value)
    {
        var text = new StringBuilder(Math.Min(value.Length, MaxReadChars));
        Append(text, value.Length <= MaxReadChars ? value : value[..MaxReadChars]);
        return text.ToString().Trim();
    }

    private static void Append(StringBuilder text, string data)
    {
        foreach (var c in data)
        {
            if (text.Length >= MaxReadChars) return;
            if (char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && text[^1] != ' ') text.Append(' ');
            }
            else text.Append(c);
        }
    }
}
