using NewsBot.Sources.Pages.Links;
using NewsBot.Sources.Parsing;

namespace NewsBot.Sources.Tests.Pages.Links;

/// <summary>
/// News home pages we wrote ourselves in the markup shapes real sites use (testdata/pages/links):
/// each <c>.html</c> beside a <c>.expected</c> file naming the page's address and, one a line, the
/// address and headline of every link in its main list.
/// </summary>
internal sealed record LinkFixture(string Name, Uri PageUrl, IReadOnlyList<(string Url, string Title)> Expected)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "testdata", "pages", "links");

    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Folder, "*.expected").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static LinkFixture Load(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, name + ".expected")).Where(l => l.Length > 0).ToList();
        var page = new Uri(lines[0]["page ".Length..]);
        var expected = lines.Skip(1).Select(l =>
        {
            var space = l.IndexOf(' ', StringComparison.Ordinal);
            return (new Uri(l[..space]).AbsoluteUri, l[(space + 1)..]);
        }).ToList();
        return new LinkFixture(name, page, expected);
    }

    public byte[] Body => File.ReadAllBytes(Path.Combine(Folder, Name + ".html"));

    public ParsedFeed Detect() => PageLinkList.Parse(Body, PageUrl, null, null);

    /// <summary>Found and expected links in common, over found (precision) and over expected (recall).</summary>
    public (int Hits, int Found, int Expected) Score(ParsedFeed feed)
    {
        var expected = Expected.Select(e => e.Url).ToHashSet(StringComparer.Ordinal);
        return (feed.Items.Count(i => expected.Contains(i.Link!)), feed.Items.Count, expected.Count);
    }
}
