namespace NewsBot.Sources.Pages.Links;

/// <summary>
/// Picks the page's main list of article links among the candidates, as a reader's eye does: the
/// links sharing one markup path, scored by how many there are, how long their headlines run and how
/// many addresses look like stories; a list in a sidebar or "most read" box counts for less, one in
/// the page's main content for more. Lists elsewhere on the page with the very same item markup
/// (the home page's sections, each a grid of the same cards) join the winner.
/// </summary>
internal static class MainLinkList
{
    /// <summary>Fewer distinct links than this are not a list (an error page's "back to the home page").</summary>
    public const int MinLinks = 3;

    /// <summary>Steps of markup that make an item's shape: the item, its heading, the link (article.card&gt;h&gt;a).</summary>
    private const int ShapeSteps = 3;

    /// <summary>Headline length counted toward a list's score; longer ones are no more of a headline.</summary>
    private const int CountedTitleChars = 120;

    /// <summary>The main list's links in page order (may repeat an address); empty when no group of links looks like one.</summary>
    public static List<LinkCandidate> Find(LinkCandidates found, CancellationToken ct)
    {
        var groups = new Dictionary<int, Group>();
        foreach (var link in found.Links)
        {
            ct.ThrowIfCancellationRequested();
            if (!groups.TryGetValue(link.Path, out var group)) groups[link.Path] = group = new Group();
            group.Add(link);
        }
        Group? best = null;
        var bestPath = -1;
        var bestScore = 0.0;
        foreach (var (path, group) in groups)
        {
            ct.ThrowIfCancellationRequested();
            // A page whose only lists are furniture (a broken template leaving the "most read" box) has
            // lost its list: reading the box would alert old favourites as news.
            if (group.Distinct < MinLinks || found.Paths[path].Boilerplate) continue;
            var score = group.Score(found.Paths[path]);
            if (score > bestScore)
            {
                (best, bestPath, bestScore) = (group, path, score);
            }
        }
        if (best is null) return [];

        var chosen = new HashSet<int> { bestPath };
        var shape = found.Suffix(bestPath, ShapeSteps);
        // A shape with no class name (ul>li>a) is too common to say two lists are one.
        if (shape.Contains('.', StringComparison.Ordinal))
        {
            foreach (var path in groups.Keys)
                if (path != bestPath && !found.Paths[path].Boilerplate && found.Suffix(path, ShapeSteps) == shape) chosen.Add(path);
        }
        var region = Region(found, bestPath);
        return found.Links.Where(l => chosen.Contains(l.Path) || IsLeadStory(found, l, region)).ToList();
    }

    /// <summary>
    /// Where the main list's lead stories may be: the page's main content when the list is in it,
    /// else the block around the list's container (a lead story sits beside its list, not in it).
    /// </summary>
    private static int Region(LinkCandidates found, int path)
    {
        if (found.Paths[path].InMain)
        {
            while (found.Paths[path].Parent >= 0 && found.Paths[found.Paths[path].Parent].InMain) path = found.Paths[path].Parent;
            return path;
        }
        for (var step = 0; step <= ShapeSteps && found.Paths[path].Parent >= 0; step++) path = found.Paths[path].Parent;
        return path;
    }

    /// <summary>
    /// A headline of its own markup near the list (the lead story in a bigger box above the grid):
    /// a heading's link to an article-shaped address, outside page furniture.
    /// </summary>
    private static bool IsLeadStory(LinkCandidates found, LinkCandidate link, int region)
    {
        if (!link.Text.Heading || !link.Text.FromText || found.Paths[link.Path].Boilerplate || !ArticleAddress.LooksLikeArticle(link.Url)) return false;
        for (var at = link.Path; at >= 0; at = found.Paths[at].Parent)
            if (at == region) return true;
        return false;
    }

    private sealed class Group
    {
        private readonly HashSet<string> _addresses = new(StringComparer.Ordinal);
        private int _links;
        private long _titleChars;
        private int _articleShaped;
        private int _fromText;

        public int Distinct => _addresses.Count;

        public void Add(LinkCandidate link)
        {
            if (!_addresses.Add(link.Url.AbsoluteUri)) return;
            _links++;
            _titleChars += Math.Min(link.Text.Title.Length, CountedTitleChars);
            if (ArticleAddress.LooksLikeArticle(link.Url)) _articleShaped++;
            if (link.Text.FromText) _fromText++;
        }

        public double Score(PathStep path)
        {
            var meanTitle = (double)_titleChars / _links;
            var articleShare = (double)_articleShaped / _links;
            var textShare = (double)_fromText / _links;
            return _links * meanTitle
                * (0.3 + articleShare)
                * (0.5 + 0.5 * textShare)
                * (path.InMain ? 1.5 : 1);
        }
    }
}
