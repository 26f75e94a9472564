using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using NewsBot.Pipeline.Poll;
using NewsBot.Sources.Reading;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Admin;

/// <summary>
/// Adds the feeds of an OPML file (http://opml.org/spec2.opml: outlines with an xmlUrl attribute,
/// possibly nested in folders). Each feed is test-fetched like a feed added by hand, so a dead
/// entry is reported instead of becoming a source that fails forever.
/// </summary>
public sealed class OpmlImporter(IDbContextFactory<NewsBotDbContext> dbs, SourceFeedReader reader, TimeProvider time)
{
    public const int MaxOutlines = 500;
    /// <summary>Test fetches run side by side so a 500-feed file finishes within a few minutes; the fetcher still limits each host.</summary>
    private const int ParallelFetches = 8;

    public sealed record Entry(string Title, string Url, string? Reason);

    public sealed record Summary(IReadOnlyList<Entry> Added, IReadOnlyList<Entry> Skipped, IReadOnlyList<Entry> Failed);

    /// <summary>Throws <see cref="FormatException"/> with a readable cause when the file is not OPML.</summary>
    public async Task<Summary> ImportAsync(Stream opml, CancellationToken ct)
    {
        var outlines = Read(opml);
        var added = new List<Entry>();
        var skipped = new List<Entry>();
        var failed = new List<Entry>();
        var candidates = new List<Entry>();
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var known = (await db.Sources.Select(s => s.Url).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var inFile = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (title, url) in outlines)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    failed.Add(new Entry(title, url, "not an http:// or https:// URL"));
                else if (known.Contains(uri.ToString()))
                    skipped.Add(new Entry(title, uri.ToString(), "already a source"));
                else if (!inFile.Add(uri.ToString()))
                    skipped.Add(new Entry(title, uri.ToString(), "listed earlier in this file"));
                else
                    candidates.Add(new Entry(title, uri.ToString(), null));
            }
        }

        using var gate = new SemaphoreSlim(ParallelFetches);
        var reads = await Task.WhenAll(candidates.Select(async c =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return (Entry: c, Read: await reader.ReadAsync(c.Url, null, null, ct));
            }
            finally
            {
                gate.Release();
            }
        }));

        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var (entry, read) in reads)
            {
                if (read is not FeedRead.Read ok)
                {
                    failed.Add(entry with { Reason = (read as FeedRead.Unreadable)?.Error ?? "the server sent no content" });
                    continue;
                }
                var name = entry.Title.Length > 0 ? entry.Title : ok.Feed.Title ?? new Uri(entry.Url).Host;
                db.Sources.Add(new Source { Name = name, Url = entry.Url, NextPollAt = now, CreatedAt = now });
                added.Add(entry with { Title = name, Reason = ok.Feed.Items.Count == 1 ? "1 item" : $"{ok.Feed.Items.Count} items" });
            }
            await db.SaveChangesAsync(ct);
        }
        return new Summary(added, skipped, failed);
    }

    private static List<(string Title, string Url)> Read(Stream opml)
    {
        XDocument doc;
        try
        {
            // DTDs are refused (the default), so an upload cannot expand entities or reach files.
            using var xml = XmlReader.Create(opml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            doc = XDocument.Load(xml);
        }
        catch (XmlException e)
        {
            throw new FormatException($"the file is not well-formed XML (line {e.LineNumber}: {e.Message})", e);
        }
        if (doc.Root?.Name.LocalName != "opml") throw new FormatException("the file is XML but not OPML (its root element is not <opml>)");
        var outlines = doc.Root.Descendants().Where(e => e.Name.LocalName == "outline")
            .Select(e => (Title: ((string?)e.Attribute("title") ?? (string?)e.Attribute("text") ?? "").Trim(), Url: (string?)e.Attribute("xmlUrl")))
            .Where(o => !string.IsNullOrWhiteSpace(o.Url))
            .Select(o => (o.Title, Url: o.Url!.Trim()))
            .ToList();
        if (outlines.Count > MaxOutlines) throw new FormatException($"the file lists {outlines.Count} feeds; at most {MaxOutlines} are imported at once");
        return outlines;
    }
}
