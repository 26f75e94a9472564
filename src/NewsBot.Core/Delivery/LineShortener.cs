namespace NewsBot.Core.Delivery;

/// <summary>
/// Makes one digest line fit a length budget without breaking the platform's markup: it shortens
/// the headline (on a word boundary, with an ellipsis) and renders again, rather than cutting the
/// rendered text, which could split an HTML tag or a link.
/// </summary>
public static class LineShortener
{
    private const string Ellipsis = "…";

    /// <summary>A headline cut shorter than this says too little; drop the extras before cutting further.</summary>
    private const int MinReadableHeadline = 24;

    public static string Fit(DigestStory story, DigestLayout layout, int budget)
    {
        var full = layout.RenderLine(story);
        if (layout.Measure(full) <= budget) return full;

        // Give up the least useful parts first: words of the headline (keeping a readable start),
        // then the "also" sources, then the link, then the rest of the headline.
        var readable = Math.Min(story.Headline.Length, MinReadableHeadline);
        var variants = new[]
        {
            (story, readable),
            (story with { AlsoSources = [] }, readable),
            (story with { AlsoSources = [], Link = null }, 0),
        };
        foreach (var (variant, keep) in variants)
        {
            if (variant != story && layout.Measure(layout.RenderLine(variant)) <= budget) return layout.RenderLine(variant);
            if (ShortenHeadline(variant, layout, budget, keep) is { } line) return line;
        }
        // Even "…" alone does not fit (a tiny limit or a renderer that adds a lot): cut the text itself.
        return Shorten(full, budget, layout.Measure);
    }

    private static string? ShortenHeadline(DigestStory story, DigestLayout layout, int budget, int keep)
    {
        var cuts = CutPoints(story.Headline).Where(c => c >= keep).ToList();
        string Render(int cut) => layout.RenderLine(story with { Headline = WithEllipsis(story.Headline, cut) });

        // Longer cuts render longer lines, so the longest cut that fits is found by bisection.
        int lo = 0, hi = cuts.Count - 1, best = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (layout.Measure(Render(cuts[mid])) <= budget) { best = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return best < 0 ? null : Render(cuts[best]);
    }

    /// <summary>Cuts a plain text to at most <paramref name="budget"/>, on a word boundary when there is one, with an ellipsis.</summary>
    public static string Shorten(string text, int budget, Func<string, int>? measure = null)
    {
        measure ??= t => t.Length;
        if (measure(text) <= budget) return text;
        var cuts = CutPoints(text);
        for (var i = cuts.Count - 1; i >= 0; i--)
        {
            var candidate = WithEllipsis(text, cuts[i]);
            if (measure(candidate) <= budget) return candidate;
        }
        return budget >= measure(Ellipsis) ? Ellipsis : "";
    }

    // Lengths to cut a headline at, shortest first: after each word, or, when the first word alone
    // is too long, after every character (never inside a surrogate pair).
    private static List<int> CutPoints(string text)
    {
        var cuts = new List<int> { 0 };
        var firstSpace = text.IndexOf(' ');
        var charsUntil = firstSpace < 0 ? text.Length : firstSpace;
        for (var i = 1; i < charsUntil; i++)
            if (!char.IsLowSurrogate(text[i])) cuts.Add(i);
        for (var i = charsUntil; i < text.Length; i++)
            if (text[i] == ' ' && i > 0 && text[i - 1] != ' ') cuts.Add(i);
        return cuts;
    }

    private static string WithEllipsis(string text, int cut) =>
        text[..cut].TrimEnd(' ', ',', ';', ':', '-', '—', '–') + Ellipsis;
}
