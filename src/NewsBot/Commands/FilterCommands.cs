using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Commands;
using NewsBot.Core.Filters;
using NewsBot.Pipeline.Match;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Commands;

/// <summary>/add, /list, /remove, /test: a chat's filters, kept in the database and the live index together.</summary>
public sealed class FilterCommands(FilterIndexHolder index, FilterPreview preview, FilterLimits limits, TimeProvider time)
{
    /// <param name="addedBy">
    /// "platform:user id" of the sender, or null when no person sent it (configured webhooks).
    /// Filters count against their sender's <see cref="FilterLimits.MaxFiltersPerUser"/> across all
    /// chats: a group's or channel's filters count for the admin who added them.
    /// </param>
    public async Task<CommandReply> AddAsync(NewsBotDbContext db, Chat chat, string text, string? addedBy, CancellationToken ct)
    {
        if (FilterParser.Parse(text, limits) is FilterParseResult.Error error)
            return new CommandReply($"That filter has a problem: {error.Message}.\nExamples: {CommandMention.Of("add", "ceasefire")}, {CommandMention.Of("add", "\"two-state solution\"")}, {CommandMention.Of("add", "ceasefire -football")}");
        var filter = ((FilterParseResult.Success)FilterParser.Parse(text, limits)).Filter;

        var existing = await db.Filters.Where(f => f.ChatId == chat.Id).ToListAsync(ct);
        if (existing.Count >= limits.MaxFiltersPerChat)
            return new CommandReply($"This chat already has {existing.Count} filters, the most allowed. Remove one with {CommandMention.Of("remove", "<number>")} first.");
        if (addedBy is not null && await db.Filters.CountAsync(f => f.AddedBy == addedBy, ct) is var mine && mine >= limits.MaxFiltersPerUser)
            return new CommandReply($"You have already added {mine} filters across your chats, the most one person may have. " +
                $"Remove some with {CommandMention.Of("remove", "<number>")} (see {CommandMention.Of("list")} in each chat) first.");
        if (existing.Any(f => FilterParser.Parse(f.Text, limits) is FilterParseResult.Success s && s.Filter.Normalized == filter.Normalized))
            return new CommandReply($"This chat already has the filter {filter.Normalized}.");

        var row = new ChatFilter { ChatId = chat.Id, Text = text.Trim(), AddedBy = addedBy, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Filters.Add(row);
        await db.SaveChangesAsync(ct);
        index.Add(row.Id, chat.Id, row.Text);

        var found = await preview.ScanAsync(db, filter, 3, ct);
        return new CommandReply($"Added filter {existing.Count + 1}: {filter.Normalized}\n\n{preview.Describe(found)}");
    }

    public async Task<CommandReply> ListAsync(NewsBotDbContext db, Chat chat, string? target, CancellationToken ct)
    {
        var rows = await OrderedFiltersAsync(db, chat, ct);
        if (rows.Count == 0)
            return new CommandReply($"No filters yet. Add one with {CommandMention.Of("add", "<filter>")}, for example {CommandMention.Of("add", "ceasefire")}.");
        var text = new StringBuilder();
        text.AppendLine(target is null ? "Your filters:" : $"Filters of {target}:");
        for (var i = 0; i < rows.Count; i++)
            text.Append(i + 1).Append(". ").AppendLine(Shown(rows[i].Text));
        var paused = chat.Paused ? ReplyText.Of($"Alerts are paused ({CommandMention.Of("resume")} to restart).\n") : ReplyText.Empty;
        return CommandReply.WithButtonColumn(ReplyText.Of($"{paused}{text.ToString().TrimEnd()}"),
            Enumerable.Range(1, rows.Count).Select(n => ReplyButton.RemoveFilter(n, target)));
    }

    public async Task<CommandReply> RemoveAsync(NewsBotDbContext db, Chat chat, int number, CancellationToken ct)
    {
        var rows = await OrderedFiltersAsync(db, chat, ct);
        if (number < 1 || number > rows.Count)
            return new CommandReply(rows.Count == 0
                ? ReplyText.Plain("There are no filters to remove.")
                : ReplyText.Of($"There is no filter {number}; this chat has filters 1 to {rows.Count} (see {CommandMention.Of("list")})."));
        var row = rows[number - 1];
        db.Filters.Remove(row);
        await db.SaveChangesAsync(ct);
        index.Remove(row.Id);
        return new CommandReply($"Removed filter {number}: {Shown(row.Text)}");
    }

    public async Task<CommandReply> TestAsync(NewsBotDbContext db, Chat chat, string text, CancellationToken ct)
    {
        var rows = await OrderedFiltersAsync(db, chat, ct);
        if (rows.Count == 0) return new CommandReply($"No filters yet, so nothing would match. Add one with {CommandMention.Of("add", "<filter>")}.");
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
}
