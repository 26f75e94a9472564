using System.CommandLine;
using System.Globalization;
using NewsBot.Console;
using NewsBot.Core.Filters;
using NewsBot.Pipeline.Deliver;
using NewsBot.Pipeline.Ingest;
using NewsBot.Sources.Fetching;
using NewsBot.Sources.Reading;
using NewsBot.Startup;
using NewsBot.Storage.Entities;

namespace NewsBot.Cli;

/// <summary>
/// `preview --feed URL|PATH [--feed ...] [--filter "..."]`: shows what NewsBot reads from feeds,
/// or the alerts a filter would produce from them right now. Never writes to the database.
/// </summary>
public static class PreviewCommand
{
    public static Command Create()
    {
        var feeds = new Option<string[]>("--feed") { Description = "Feed URL or file path; may repeat", Required = true, AllowMultipleArgumentsPerToken = false };
        var filter = new Option<string?>("--filter") { Description = "A filter, e.g. \"ceasefire\"; without it every item is listed" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow feeds on loopback/private addresses (overrides NewsBot:Sources:AllowPrivateAddresses)" };
        var command = new Command("preview", "Show the items of feeds, or the alerts a filter would produce from them") { feeds, filter, allowPrivate };
        command.SetAction((result, ct) => RunAsync(result.GetValue(feeds)!, result.GetValue(filter), result.GetValue(allowPrivate), ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] feedUrls, string? filterText, bool allowPrivate, CancellationToken ct)
    {
        Filter? filter = null;
        if (filterText is not null)
        {
            switch (FilterParser.Parse(filterText))
            {
                case FilterParseResult.Error error:
                    await System.Console.Error.WriteLineAsync($"filter error: {error.Message}");
                    return 2;
                case FilterParseResult.Success ok:
                    filter = ok.Filter;
                    break;
            }
        }

        var config = allowPrivate ? new[] { "--NewsBot:Sources:AllowPrivateAddresses=true" } : [];
        await using var app = NewsBotHost.Build(config);
        var reader = app.Services.GetRequiredService<SourceFeedReader>();
        var exitCode = 0;
        foreach (var url in feedUrls)
        {
            var read = await reader.ReadAsync(url, null, null, ct);
            if (read is not FeedRead.Read ok)
            {
                var error = read is FeedRead.Unreadable u ? u.Error : "no content";
                await System.Console.Error.WriteLineAsync($"feed '{url}': {error}");
                exitCode = 1;
                continue;
            }
            var source = new Source { Id = 0, Name = ok.Feed.Title ?? url, Url = url };
            System.Console.WriteLine($"== {source.Name} ({url}): {ok.Feed.Format}, {ok.Feed.Items.Count} items");
            foreach (var problem in ok.Feed.Problems) System.Console.WriteLine($"   note: {problem}");
            var hashes = ItemIdentity.HashAll(ok.Feed.Items);
            var matches = 0;
            for (var i = 0; i < ok.Feed.Items.Count; i++)
            {
                var article = ArticleNormalizer.ToArticle(ok.Feed.Items[i], hashes[i], source, DateTime.UtcNow);
                if (filter is null)
                {
                    var when = article.PublishedAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "(no date)";
                    System.Console.WriteLine($"{when,-20}  {article.Title}");
                    System.Console.WriteLine($"{"",-20}  {article.Link ?? "(no link)"}");
                    continue;
                }
                var terms = FilterEvaluator.Match(filter, new ArticleText(article.Title, article.Text, source.Name, SourceAddress.Host(url)));
                if (terms is null) continue;
                matches++;
                var alert = new Alert { MatchedTerms = string.Join(Alert.TermSeparator, terms) };
                System.Console.Write(ConsoleAlertSender.Render(AlertContentBuilder.Build(alert, article, source)));
            }
            if (filter is not null) System.Console.WriteLine($"{matches} alert(s) for filter {filter.Normalized}");
        }
        return exitCode;
    }
}
