using System.Text;
using NewsBot.Application.Filters;
using NewsBot.Core.Commands;
using NewsBot.Core.Filters;
using NewsBot.Core.Filters.Language;
using NewsBot.Core.Text;
using NewsBot.Pipeline.Ingest;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Commands;

/// <summary>/add, /list, /remove, /test: a chat's filters in chat words; the rules are <see cref="ChatFilters"/>'.</summary>
/// <param name="languages">Guesses the language of /test's text for <c>lang:</c> filters; null: unknown.</param>
public sealed class FilterCommands(ChatFilters filters, FilterPreview preview, ArticleLanguageDetector? languages = null)
{
    /// <param name="addedBy">
    /// "platform:user id" of the sender, or null when no person sent it (configured webhooks).
    /// Filters count against their sender's <see cref="FilterLimits.MaxFiltersPerUser"/> across all
    /// chats: a group's or channel's filters count for the admin who added them.
    /// </param>
    public async Task<CommandReply> AddAsync(NewsBotDbContext db, Chat chat, string text, string? addedBy, CancellationToken ct)
    {
        switch (await filters.AddAsync(db, chat, text, addedBy, ct))
        {
            case FilterAddResult.Invalid error:
                return new CommandReply($"That filter has a problem: {error.Message}.\nExamples: {CommandMention.Of("add", "ceasefire")}, {CommandMention.Of("add", "\"two-state solution\"")}, {CommandMention.Of("add", "ceasefire -football")}");
            case FilterAddResult.ChatFull { Count: var count }:
                return new CommandReply($"This chat already has {count} filters, the most allowed. Remove one with {CommandMention.Of("remove", "<number>")} first.");
            case FilterAddResult.SenderFull { Count: var mine }:
                return new CommandReply($"You have already added {mine} filters across your chats, the most one person may have. " +
                    $"Remove some with {CommandMention.Of("remove", "<number>")} (see {CommandMention.Of("list")} in each chat) first.");
            case FilterAddResult.Duplicate { Normalized: var normalized }:
                return new CommandReply($"This chat already has the filter {normalized}.");
            case FilterAddResult.Added { Number: var number, Filter: var filter }:
                var found = await preview.ScanAsync(db, filter, 3, ct);
                var coverage = CoverageWording.Rule(filter.MinOutlets);
                return new CommandReply($"Added filter {number}: {filter.Normalized}\n{(coverage.Length == 0 ? "" : coverage + "\n")}\n{preview.Describe(found)}");
            case var other:
                throw new InvalidOperationException($"chat {chat.Id}: unexpected filter result {other.GetType().Name}");
        }
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
        var removed = await filters.RemoveNumberAsync(db, chat.Id, number, ct);
        if (removed is FilterRemoveResult.NoSuchNumber { Count: var count })
            return new CommandReply(count == 0
                ? ReplyText.Plain("There are no filters to remove.")
                : ReplyText.Of($"There is no filter {number}; this chat has filters 1 to {count} (see {CommandMention.Of("list")})."));
        var row = ((FilterRemoveResult.Removed)removed).Row;
        return new CommandReply($"Removed filter {number}: {Shown(row.Text)}");
    }

    public async Task<CommandReply> TestAsync(NewsBotDbContext db, Chat chat, string text, CancellationToken ct)
    {
        var rows = await OrderedFiltersAsync(db, chat, ct);
        if (rows.Count == 0) return new CommandReply($"No filters yet, so nothing would match. Add one with {CommandMention.Of("add", "<filter>")}.");
        var parsed = rows.Select(r => FilterParser.Parse(r.Text) as FilterParseResult.Success).ToList();
        var reply = new StringBuilder();
        string? language = null;
        if (parsed.Any(p => p is not null && FilterShape.NamesLanguage(p.Filter.Root)))
        {
            language = languages is null ? null : (await languages.CurrentAsync(ct))?.Detect(text, "");
            reply.AppendLine(language is null ? "Language of the text: unknown (lang: terms match no language then)"
                : $"Language of the text: {LanguageCodes.NameOf(language)} (lang:{language})");
        }
        var article = new ArticleText(text, text, "", null) { Language = language };
        for (var i = 0; i < rows.Count; i++)
        {
            if (parsed[i] is not { } ok) continue;
            var terms = FilterEvaluator.Match(ok.Filter, article);
            reply.Append(i + 1).Append(". ").Append(ok.Filter.Normalized)
                .AppendLine(terms is null ? " — no match"
                    : $" — matches{(terms.Count == 0 ? "" : $" ({string.Join(", ", terms)})")}{CoverageWording.TestNote(ok.Filter.MinOutlets)}");
        }
        return new CommandReply(reply.ToString().TrimEnd());
    }

    private Task<List<ChatFilter>> OrderedFiltersAsync(NewsBotDbContext db, Chat chat, CancellationToken ct) =>
        filters.ListAsync(db, chat.Id, ct);

    private static string Shown(string text) =>
        FilterParser.Parse(text) is FilterParseResult.Success ok ? ok.Filter.Normalized : text;
}
