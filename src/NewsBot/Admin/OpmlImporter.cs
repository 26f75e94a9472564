using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using NewsBot.Application.Sources;
using NewsBot.Storage;

namespace NewsBot.Admin;

/// <summary>
/// Adds the feeds of an OPML file (http://opml.org/spec2.opml: outlines with an xmlUrl attribute,
/// possibly nested in folders). Each feed goes through <see cref="SourceAdder"/> and is test-fetched like a feed added by hand, so a dead
/// entry is reported instead of becoming a source that fails forever.
/// </summary>
public sealed class OpmlImporter(IDbContextFactory<NewsBotDbContext> dbs, SourceAdder adder)
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
        var candidates = new List<(Entry Entry, CheckedSource Source)>();
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var inFile = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (title, url) in outlines)
            {
                var (ok, refused) = await adder.ValidateAsync(db, new SourceDraft(url, title), SourceOrigin.Remote, ct);
                if (refused is SourceAddResult.Invalid { Problem: SourceProblem.TooLong })
                    failed.Add(new Entry(title, url[..Math.Min(url.Length, 200)] + "…", $"longer than {SourceUrl.MaxLength} characters"));
                else if (refused is SourceAddResult.Invalid)
                    failed.Add(new Entry(title, url, "not an http:// or https:// URL"));
                else if (refused is SourceAddResult.Duplicate)
                    skipped.Add(new Entry(title, Address(url), "already a source"));
                else if (!inFile.Add(ok!.Address))
                    skipped.Add(new Entry(title, ok.Address, "listed earlier in this file"));
                else
                    candidates.Add((new Entry(title, ok.Address, null), ok));
            }
        }

        using var gate = new SemaphoreSlim(ParallelFetches);
        var reads = await Task.WhenAll(candidates.Select(async c =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return (c.Entry, Read: await adder.ReadAsync(c.Source, ct));
            }
            finally
            {
                gate.Release();
            }
        }));

        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            foreach (var (entry, read) in reads)
            {
                if (read is not SourceAddResult.Readable ready)
                {
                    failed.Add(entry with { Reason = (read as SourceAddResult.Unreadable)?.Error ?? "the server sent no content" });
                    continue;
                }
                await adder.SaveAsync(db, ready, ct);
                var count = ready.Read.Feed.Items.Count;
                added.Add(entry with { Title = ready.Name, Reason = count == 1 ? "1 item" : $"{count} items" });
            }
        }
        return new Summary(added, skipped, failed);
    }

    private static string Address(string url) => SourceUrl.Check(url, SourceOrigin.Remote, out var address) is null ? address : url;

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
