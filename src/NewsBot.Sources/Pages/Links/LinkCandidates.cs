using AngleSharp.Dom;

namespace NewsBot.Sources.Pages.Links;

/// <summary>One link that could be an article: where it points, its headline, and the shape of the markup around it.</summary>
/// <param name="Path">Its structural path's id in <see cref="LinkCandidates.Paths"/>.</param>
internal sealed record LinkCandidate(Uri Url, AnchorText Text, IElement Anchor, int Path);

/// <summary>One step of a structural path: the element's tag and first class, under its parent step.</summary>
/// <param name="Boilerplate">This step or one above it is named like a sidebar, menu, footer, "most read" box…</param>
/// <param name="InMain">This step or one above it is the page's main content (&lt;main&gt;, role=main, id/class "main").</param>
internal sealed record PathStep(int Parent, string Signature, bool Boilerplate, bool InMain);

/// <summary>
/// One iterative walk over the page (no recursion, whatever its depth) that collects the links a
/// person would take for articles of the site, each with the structural path of its markup
/// (<c>main&gt;div.list&gt;article.post-#&gt;h&gt;a</c>): the links of one list share a path.
/// Page furniture is skipped whole: navigation, headers and footers outside articles, asides, forms.
/// </summary>
internal sealed class LinkCandidates
{
    private static readonly HashSet<string> SkippedTags = new(StringComparer.Ordinal)
    {
        "nav", "aside", "form", "script", "style", "noscript", "template", "svg", "iframe", "select", "dialog", "menu",
    };

    private static readonly HashSet<string> SkippedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
    };

    /// <summary>Words in class or id names of page furniture (whole words of a name split at - and _).</summary>
    private static readonly HashSet<string> BoilerplateWords = new(StringComparer.Ordinal)
    {
        "nav", "navbar", "menu", "sidebar", "side", "rail", "widget", "widgets", "footer", "breadcrumb", "breadcrumbs",
        "popular", "trending", "mostread", "mostpopular", "mostviewed", "related", "comment", "comments", "share",
        "social", "promo", "sponsor", "sponsored", "ad", "ads", "advert", "advertisement", "cookie", "newsletter",
        "pagination", "pager", "subnav", "topbar", "masthead", "aside", "secondary",
    };

    private readonly Dictionary<(int Parent, string Signature), int> _pathIds = [];

    public List<PathStep> Paths { get; } = [];

    public List<LinkCandidate> Links { get; } = [];

    public static LinkCandidates Collect(IDocument document, Uri pageUrl, CancellationToken ct)
    {
        var baseUrl = BaseUrl(document, pageUrl);
        var found = new LinkCandidates();
        var root = (IElement?)document.Body ?? document.DocumentElement;
        var pending = new Stack<(IElement Element, int Parent, int Articles)>();
        pending.Push((root, -1, 0));
        while (pending.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var (element, parent, articles) = pending.Pop();
            var name = element.LocalName;
            if (Skipped(element, name, articles)) continue;
            var path = found.Step(parent, element, name);
            if (name == "a")
            {
                found.AddLink(element, path, pageUrl, baseUrl);
                continue; // links do not nest: nothing below one is another candidate
            }
            if (name == "article") articles++;
            // Children by index, last first, so they come off the stack in page order; ChildNodes is
            // a list, while NextElementSibling scans the parent's children on every call.
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
                if (children[i] is IElement child) pending.Push((child, path, articles));
        }
        return found;
    }

    /// <summary>The signatures of the path's last <paramref name="steps"/> steps, the link's own markup shape.</summary>
    public string Suffix(int path, int steps)
    {
        var parts = new List<string>(steps);
        for (var at = path; at >= 0 && parts.Count < steps; at = Paths[at].Parent) parts.Add(Paths[at].Signature);
        parts.Reverse();
        return string.Join('>', parts);
    }

    private void AddLink(IElement anchor, int path, Uri pageUrl, Uri baseUrl)
    {
        if (anchor.GetAttribute("href") is not { } href || ArticleAddress.Candidate(pageUrl, baseUrl, href) is not { } url) return;
        var text = AnchorTitle.Of(anchor);
        if (AnchorTitle.IsHeadlineShaped(text.Title)) Links.Add(new LinkCandidate(url, text, anchor, path));
    }

    /// <summary>Headers and footers are page furniture, except inside an article, where WordPress and most themes put the headline.</summary>
    private static bool Skipped(IElement element, string name, int articles) =>
        SkippedTags.Contains(name)
        || name is "header" or "footer" && articles == 0
        || element.HasAttribute("hidden")
        || element.GetAttribute("role") is { } role && SkippedRoles.Contains(role.Trim());

    private int Step(int parent, IElement element, string name)
    {
        var signature = Signature(element, name);
        if (_pathIds.TryGetValue((parent, signature), out var id)) return id;
        var above = parent >= 0 ? Paths[parent] : null;
        var names = (element.GetAttribute("class") + " " + element.Id).ToLowerInvariant();
        var step = new PathStep(parent, signature,
            (above?.Boilerplate ?? false) || NamesFurniture(names),
            (above?.InMain ?? false) || name == "main" || element.GetAttribute("role") == "main" || HasWord(names, "main"));
        Paths.Add(step);
        _pathIds[(parent, signature)] = Paths.Count - 1;
        return Paths.Count - 1;
    }

    /// <summary>
    /// Tag and first class, digits as '#': lists split into numbered columns (col-1, col-2), posts with
    /// their id as first class (post-123) and a lead story's h2 among h3s all share one path.
    /// </summary>
    private static string Signature(IElement element, string name)
    {
        var tag = name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" ? "h" : name;
        var classes = element.GetAttribute("class");
        if (string.IsNullOrWhiteSpace(classes)) return tag;
        var first = classes.AsSpan().Trim();
        var space = first.IndexOfAny(' ', '\t', '\n');
        if (space > 0) first = first[..space];
        if (first.Length > 40) first = first[..40];
        var signature = new char[first.Length];
        for (var i = 0; i < first.Length; i++) signature[i] = char.IsAsciiDigit(first[i]) ? '#' : first[i];
        return tag + "." + new string(signature);
    }

    private static bool NamesFurniture(string names)
    {
        foreach (var word in names.Split([' ', '-', '_', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
            if (BoilerplateWords.Contains(word)) return true;
        return names.Contains("most-read", StringComparison.Ordinal) || names.Contains("most-popular", StringComparison.Ordinal);
    }

    private static bool HasWord(string names, string word) =>
        names.Split([' ', '-', '_', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Contains(word, StringComparer.Ordinal);

    /// <summary>HTML: a &lt;base href&gt; changes what relative links resolve against.</summary>
    internal static Uri BaseUrl(IDocument document, Uri pageUrl)
    {
        var href = document.Head?.QuerySelector("base[href]")?.GetAttribute("href");
        return href is not null && Uri.TryCreate(pageUrl, href, out var baseUrl) && baseUrl.Scheme is "http" or "https" ? baseUrl : pageUrl;
    }
}
