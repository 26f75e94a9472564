using System.Net;
using AngleSharp.Dom;

namespace NewsBot.Sources.Pages.Links;

/// <summary>
/// The teaser printed next to a headline on a list page ("standfirst", "excerpt"), as the item's
/// summary: the first paragraph of the link's card that is not the headline. Cheap by design: a
/// card is looked for within a few steps up, and searched through a fixed number of elements.
/// </summary>
internal static class TeaserText
{
    private const int MaxChars = 500;
    private const int MinChars = 30;
    private const int StepsUp = 4;
    private const int ElementsSearched = 60;

    private static readonly string[] CardWords = ["card", "item", "post", "story", "teaser", "entry", "article"];
    private static readonly string[] TeaserWords = ["excerpt", "summary", "teaser", "dek", "standfirst", "description", "intro", "lede", "lead"];

    /// <summary>HTML (one encoded paragraph) or null when the card has no teaser.</summary>
    public static string? Of(IElement anchor, string title)
    {
        var card = Card(anchor);
        if (card is null) return null;
        var pending = new Queue<IElement>();
        pending.Enqueue(card);
        for (var searched = 0; pending.Count > 0 && searched < ElementsSearched; searched++)
        {
            var element = pending.Dequeue();
            if (element != card && (element.LocalName == "p" || HasWord(element, TeaserWords)))
            {
                var text = AnchorTitle.Collapse(element);
                if (text.Length >= MinChars && !text.Equals(title, StringComparison.Ordinal))
                    return "<p>" + WebUtility.HtmlEncode(text.Length <= MaxChars ? text : text[..MaxChars]) + "</p>";
            }
            var children = element.ChildNodes;
            for (var i = 0; i < children.Length && pending.Count < ElementsSearched; i++)
                if (children[i] is IElement child) pending.Enqueue(child);
        }
        return null;
    }

    /// <summary>The link's article or list item, else the nearest box named like a card (a heading or header is not one).</summary>
    private static IElement? Card(IElement anchor)
    {
        IElement? named = null;
        var at = anchor.ParentElement;
        for (var step = 0; at is not null && step < StepsUp; step++, at = at.ParentElement)
        {
            if (at.LocalName is "article" or "li") return at;
            if (named is null && !IsHeading(at) && at.LocalName != "header" && HasWord(at, CardWords)) named = at;
        }
        return named ?? (anchor.QuerySelector("p") is null ? null : anchor); // else the whole card may be the link
    }

    private static bool IsHeading(IElement element) => element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    private static bool HasWord(IElement element, string[] words)
    {
        var names = element.GetAttribute("class");
        if (string.IsNullOrEmpty(names)) return false;
        foreach (var word in words)
            if (names.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
