using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Commands;
using NewsBot.Core.Filters;
using NewsBot.Pipeline.Matching;
using NewsBot.Pipeline.Polling;
using NewsBot.Sources.Fetching;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Commands;

/// <summary>/add, /list, /remove, /test: a chat's filters, kept in the database and the live index together.</summary>
public sealed class FilterCommands(FilterIndexHolder index, TimeProvider time)
{
    /// <summary>How far back /add looks for articles the new filter would have matched.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromHours(24);

    private const int RecentScanLimit = 5000;

    public async Task<CommandReply> AddAsync(NewsBotDbContext db, Chat chat, string text, CancellationToken ct)
    {
        var limits = FilterLimits.Default;
        if (FilterParser.Parse(text, limits) is FilterParseResult.Error error)
            return new CommandReply($"That filter has a problem: {error.Message}.\nExamples: /add ceasefire, /add \"two-state solution\", /add ceasefire -football");
        var filter = ((FilterParseResult.Success)FilterParser.Parse(text, limits)).Filter;

        var existing = await db.Filters.Where(f => f.ChatId == chat.Id).ToListAsync(ct);
        if (existing.Count >= limits.MaxFiltersPerChat)
            return new CommandReply($"This chat already has {existing.Count} filters, the most allowed. Remove one with /remove <number> first.");
        if (existing.Any(f => FilterParser.Parse(f.Text, limits) is FilterParseResult.Success s && s.Filter.Normalized == filter.Normalized))
            return new CommandReply($"This chat already has the filter {filter.Normalized}.");

        var row = new ChatFilter { ChatId = chat.Id, Text = text.Trim(), CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Filters.Add(row);
        await db.SaveChangesAsync(ct);
        index.Add(row.Id, chat.Id, row.Text);

        var reply = new StringBuilder($"Added filter {existing.Count + 1}: {filter.Normalized}");
        var recent = await RecentMatchesAsync(db, filter, 3, ct);
        reply.AppendLine().AppendLine();
        if (recent.Count == 0) reply.Append("No article of the last 24 hours matches it yet; new ones will be sent here.");
        else
        {
            reply.AppendLine("From the last 24 hours it would have matched:");
            foreach (var article in recent) reply.Append("• ").Append(article.Title).Append(article.Link is null ? "" : " " + article.Link).AppendLine();
        }
        return new CommandReply(reply.ToString().TrimEnd());
    }

    public async Task<CommandReply> ListAsync(NewsBotDbContext db, Chat chat, string? target, CancellationToken ct)
    {
        var rows = await OrderedFiltersAsync(db, chat, ct);
        if (rows.Count == 0)
            return new CommandReply("No filters yet. Add one with /add <filter>, for example /add ceasefire.");
        var text = new StringBuilder(chat.Paused ? "Alerts are paused (/resume to restart).\n" : "");
        text.AppendLine(target is null ? "Your filters:" : $"Filters of {target}:");
        for (var i = 0; i < rows.Count; i++)
            text.Append(i + 1).Append(". ").AppendLine(Shown(rows[i].Text));
        return CommandReply.WithButtonColumn(text.ToString().TrimEnd(),
            Enumerable.Range(1, rows.Count).Select(n => ReplyButton.RemoveFilter(n, target)));
    }

    public async Task<CommandReply> RemoveAsync(NewsBotDbContext db, Chat chat, int number, CancellationToken ct)
    {
        var rows = await OrderedFiltersAsync(db, chat, ct);
        if (number < 1 || number > rows.Count)
            return new CommandReply(rows.Count == 0
                ? "There are no filters to remove."
                : $"There is no filter {number}; this chat has filters 1 to {rows.Count} (see /list).");
        var row = rows[number - 1];
        db.Filters.Remove(row);
        await db.SaveChangesAsync(ct);
        index.Remove(row.Id);
        return new CommandReply($"Removed filter {number}: {Shown(row.Text)}");
    }

    public async Task<CommandReply> TestAsync(NewsBotDbContext db, Chat chat, string text, CancellationToken ct)
    {
        var rows = await OrderedFiltersAsync(db, chat, ct);
        if (rows.Count == 0) return new CommandReply("No filters yet, so nothing would match. Add one with /add <filter>.");
        var article = new ArticleText(text, text, "", null);
        var reply = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            if (FilterParser.Parse(rows[i].Text) is not FilterParseResult.Success ok) continue;
            var terms = FilterEvaluator.Match(ok.Filter, article);
            reply.Append(i + 1).Append(". ").Append(ok.Filter.Normalized)
                .AppendLine(terms is null ? " — no match" : $" — matches ({string.Join(", ", terms)})");
        }
        return new CommandReply(reply.ToString().TrimEnd());
    }

    /// <summary>Drops filters from the live index after their chat was deleted.</summary>
    public void Forget(IEnumerable<long> filterIds)
    {
        foreach (var id in filterIds) index.Remove(id);
    }

    private static Task<List<ChatFilter>> OrderedFiltersAsync(NewsBotDbContext db, Chat chat, CancellationToken ct) =>
        db.Filters.Where(f => f.ChatId == chat.Id).OrderBy(f => f.Id).ToListAsync(ct);

    private static string Shown(string text) =>
        FilterParser.Parse(text) is FilterParseResult.Success ok ? ok.Filter.Normalized : text;

    private async Task<List<Article>> RecentMatchesAsync(NewsBotDbContext db, Filter filter, int count, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime - RecentWindow;
        var recent = await db.Articles.AsNoTracking().Include(a => a.Source)
            .Where(a => a.FetchedAt >= since).OrderByDescending(a => a.Id).Take(RecentScanLimit).ToListAsync(ct);
        return recent.Where(a => FilterEvaluator.Match(filter,
                new ArticleText(a.Title, a.Text, a.Source!.Name, SourceAddress.Host(a.Source.Url))) is not null)
            .Take(count).ToList();
    }
}
