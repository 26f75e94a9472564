using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsBot.Configuration;
using NewsBot.Core.Filters;
using NewsBot.Sources.Fetching;
using NewsBot.Storage;

namespace NewsBot.Commands;

/// <summary>
/// The "/add would have matched…" preview. A stranger's filter may be costly (a regular expression
/// over long texts), so the scan is bounded twice: it reads only the
/// <see cref="CommandOptions.PreviewMaxArticles"/> most recent articles of the last 24 hours, and it
/// stops after <see cref="CommandOptions.PreviewTimeBudget"/>. The reply says how far it looked.
/// The matching runs on the thread pool, never on a thread that handles other chats' commands.
/// </summary>
public sealed class FilterPreview(CommandOptions options, TimeProvider time)
{
    /// <summary>How far back /add looks for articles the new filter would have matched.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromHours(24);

    private sealed record Candidate(string Title, string Text, string? Link, string SourceName, string SourceUrl, string? Language);

    /// <summary>What the scan found and how far it got.</summary>
    public sealed record Result(IReadOnlyList<(string Title, string? Link)> Matches, int Looked, int Window, bool WindowFull, bool OutOfTime);

    public async Task<Result> ScanAsync(NewsBotDbContext db, Filter filter, int wanted, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime - RecentWindow;
        var recent = await db.Articles.AsNoTracking()
            .Where(a => a.FetchedAt >= since).OrderByDescending(a => a.Id).Take(options.PreviewMaxArticles)
            .Select(a => new Candidate(a.Title, a.Text, a.Link, a.Source!.Name, a.Source.Url, a.Language))
            .ToListAsync(ct);
        return await Task.Run(() => Match(filter, recent, wanted, ct), ct);
    }

    private Result Match(Filter filter, List<Candidate> recent, int wanted, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var matches = new List<(string, string?)>();
        var looked = 0;
        var outOfTime = false;
        foreach (var a in recent)
        {
            if (time.GetElapsedTime(started) >= options.PreviewTimeBudget)
            {
                outOfTime = true;
                break;
            }
            ct.ThrowIfCancellationRequested();
            looked++;
            if (FilterEvaluator.Match(filter, new ArticleText(a.Title, a.Text, a.SourceName, SourceAddress.Host(a.SourceUrl)) { Language = a.Language }) is null) continue;
            matches.Add((a.Title, a.Link));
            if (matches.Count == wanted) break;
        }
        return new Result(matches, looked, recent.Count, recent.Count >= options.PreviewMaxArticles, outOfTime);
    }

    /// <summary>The preview paragraph of the /add reply.</summary>
    public string Describe(Result r)
    {
        if (r.Window == 0) return "No articles of the last 24 hours to look at yet; new matches will be sent here.";
        var text = new StringBuilder();
        var window = r.WindowFull
            ? $"the {r.Window.ToString("N0", CultureInfo.InvariantCulture)} most recent articles (last 24 hours)"
            : $"{(r.Window == 1 ? "the one article" : $"all {r.Window.ToString("N0", CultureInfo.InvariantCulture)} articles")} of the last 24 hours";
        if (r.OutOfTime)
            text.Append(CultureInfo.InvariantCulture,
                $"Stopped after {options.PreviewTimeBudget.TotalSeconds:0.#} s, having looked at {r.Looked:N0} of {window}");
        else if (r.Matches.Count > 0 && r.Looked < r.Window)
            text.Append(CultureInfo.InvariantCulture, $"Looked at {r.Looked:N0} of {window}");
        else
            text.Append("Looked at ").Append(window);
        if (r.Matches.Count == 0)
            return text.Append("; none matches it yet. New matches will be sent here.").ToString();
        text.AppendLine(". It would have matched:");
        foreach (var (title, link) in r.Matches) text.Append("• ").Append(title).Append(link is null ? "" : " " + link).AppendLine();
        return text.ToString().TrimEnd();
    }
}
