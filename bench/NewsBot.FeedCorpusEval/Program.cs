using NewsBot.Core.Text;
using NewsBot.FeedCorpusEval;
using NewsBot.Sources.Parsing;

// The feed parser against a test corpus nobody here chose: gofeed's test feeds, each with the output
// gofeed expects. Counts items read vs expected, and titles, links and dates that match, per folder.
// `bench/NewsBot.FeedCorpusEval/fetch-data.sh` first, then
// `dotnet run -c Release --project bench/NewsBot.FeedCorpusEval [-- data dir] [--misses N]`. See README.md.
var argList = args.ToList();
var missesIndex = argList.IndexOf("--misses");
var showMisses = 0;
if (missesIndex >= 0)
{
    showMisses = int.Parse(argList[missesIndex + 1], System.Globalization.CultureInfo.InvariantCulture);
    argList.RemoveRange(missesIndex, 2);
}
var dataDir = argList.FirstOrDefault() ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "data");
if (!Directory.Exists(dataDir))
{
    Console.WriteLine($"no corpus in {dataDir}: run bench/NewsBot.FeedCorpusEval/fetch-data.sh");
    return 1;
}

var total = new Tally();
var feedparserTotal = new Tally();
var misses = new List<string>();
foreach (var group in Directory.GetFiles(dataDir, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
             .Where(xml => File.Exists(Path.ChangeExtension(xml, ".json")))
             .GroupBy(xml => Path.GetRelativePath(dataDir, Path.GetDirectoryName(xml)!)))
{
    var tally = new Tally();
    foreach (var xml in group)
    {
        var expected = ExpectedFeed.Read(Path.ChangeExtension(xml, ".json"));
        if (expected is null) continue;
        tally.Files++;
        IReadOnlyList<FeedItem> items;
        try
        {
            items = FeedParser.Parse(File.ReadAllBytes(xml), null, null).Items;
        }
        catch (FeedFormatException)
        {
            tally.NotAFeed++;
            items = [];
        }
#pragma warning disable CA1031 // a crash is what this harness counts
        catch (Exception e)
#pragma warning restore CA1031
        {
            tally.Crashes++;
            misses.Add($"{Path.GetFileName(xml)}: crash {e.GetType().Name}: {e.Message}");
            items = [];
        }
        tally.Compare(Path.GetFileName(xml), expected, items, misses);
    }
    Console.WriteLine($"{group.Key,-26} {tally}");
    total.Add(tally);
}
Console.WriteLine($"{"all",-26} {total}");

// feedparser's feeds: the item titles and links its expectations name.
foreach (var group in Directory.GetFiles(dataDir, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
             .Where(xml => !File.Exists(Path.ChangeExtension(xml, ".json")))
             .Select(xml => (Xml: xml, Expected: FeedparserExpectations.Read(xml)))
             .Where(x => x.Expected.Count > 0)
             .GroupBy(x => Path.GetRelativePath(dataDir, Path.GetDirectoryName(x.Xml)!)))
{
    var tally = new Tally();
    foreach (var (xml, expectations) in group)
    {
        tally.Files++;
        IReadOnlyList<FeedItem> items = [];
        try
        {
            items = FeedParser.Parse(File.ReadAllBytes(xml), null, null).Items;
        }
        catch (FeedFormatException)
        {
            tally.NotAFeed++;
        }
#pragma warning disable CA1031 // a crash is what this harness counts
        catch (Exception e)
#pragma warning restore CA1031
        {
            tally.Crashes++;
            misses.Add($"{Path.GetFileName(xml)}: crash {e.GetType().Name}: {e.Message}");
        }
        var expected = new List<ExpectedItem>();
        foreach (var (index, field, value) in expectations)
        {
            while (expected.Count <= index) expected.Add(new ExpectedItem(null, null, null));
            expected[index] = field == "title" ? expected[index] with { Title = value } : expected[index] with { Link = value };
        }
        tally.Compare(Path.GetFileName(xml), expected, items, misses, countItems: false);
    }
    Console.WriteLine($"{group.Key,-26} {tally}");
    feedparserTotal.Add(tally);
}
if (feedparserTotal.Files > 0) Console.WriteLine($"{"all feedparser",-26} {feedparserTotal}");
foreach (var miss in misses.Take(showMisses)) Console.WriteLine("  " + miss);
return 0;

/// <summary>What one folder (or the whole corpus) scored.</summary>
internal sealed class Tally
{
    public int Files { get; set; }
    public int NotAFeed { get; set; }
    public int Crashes { get; set; }
    private int _itemsExpected, _itemsRead, _filesShort, _titles, _titlesMatched, _links, _linksMatched, _dates, _datesMatched;

    /// <summary><paramref name="countItems"/> is false when the expectations name some items, not all of them.</summary>
    public void Compare(string name, List<ExpectedItem> expected, IReadOnlyList<FeedItem> items, List<string> misses, bool countItems = true)
    {
        if (countItems) _itemsExpected += expected.Count;
        if (countItems) _itemsRead += Math.Min(items.Count, expected.Count);
        if (countItems && items.Count < expected.Count)
        {
            _filesShort++;
            misses.Add($"{name}: {items.Count} of {expected.Count} items");
        }
        for (var i = 0; i < expected.Count; i++)
        {
            var item = i < items.Count ? items[i] : null;
            if (expected[i].Title is { } title)
            {
                _titles++;
                if (item is not null && SameTitle(title, item.Title)) _titlesMatched++;
                else misses.Add($"{name}: title '{Short(item?.Title)}', expected '{Short(title)}'");
            }
            if (expected[i].Link is { } link)
            {
                _links++;
                if (item?.Link == link || (item?.Link is { } ours && Uri.TryCreate(ours, UriKind.Absolute, out var a) && Uri.TryCreate(link, UriKind.Absolute, out var b) && a == b)) _linksMatched++;
                else misses.Add($"{name}: link '{Short(item?.Link)}', expected '{Short(link)}'");
            }
            if (expected[i].Published is { } published)
            {
                _dates++;
                if (item?.Published == published) _datesMatched++;
                else misses.Add($"{name}: published {item?.Published:O}, expected {published:O}");
            }
        }
    }

    public void Add(Tally other)
    {
        (Files, NotAFeed, Crashes) = (Files + other.Files, NotAFeed + other.NotAFeed, Crashes + other.Crashes);
        (_itemsExpected, _itemsRead, _filesShort) = (_itemsExpected + other._itemsExpected, _itemsRead + other._itemsRead, _filesShort + other._filesShort);
        (_titles, _titlesMatched, _links, _linksMatched) = (_titles + other._titles, _titlesMatched + other._titlesMatched, _links + other._links, _linksMatched + other._linksMatched);
        (_dates, _datesMatched) = (_dates + other._dates, _datesMatched + other._datesMatched);
    }

    public override string ToString() =>
        $"files {Files,4}  not a feed {NotAFeed,2}  crashes {Crashes}  items {_itemsRead,4}/{_itemsExpected,-4} (short in {_filesShort})  " +
        $"titles {_titlesMatched,4}/{_titles,-4}  links {_linksMatched,4}/{_links,-4}  dates {_datesMatched,3}/{_dates}";

    /// <summary>Titles match when they read the same as text: gofeed keeps markup and entities some readers decode.</summary>
    private static bool SameTitle(string expected, string ours) =>
        Collapse(expected) == Collapse(ours) || Collapse(HtmlToText.Convert(expected)) == Collapse(ours);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Short(string? text) => text is null ? "(none)" : text.Length <= 70 ? text : text[..67] + "...";
}
