using System.Net;
using System.Text.RegularExpressions;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage.Entities;

namespace NewsBot.IntegrationTests.Admin;

/// <summary>The Chats and Activity pages over a database holding chats, filters, articles and alerts.</summary>
[Collection(HostCollection.Name)]
public sealed partial class AdminChatsAndActivityTests
{
    /// <summary>Two Telegram chats (one paused), a deactivated Discord channel, a failing source, and a day of alerts.</summary>
    internal static async Task SeedAsync(AdminSite site)
    {
        var now = DateTime.UtcNow;
        await using var db = site.Host.Db();
        var source = new Source
        {
            Name = "Flaky Wire", Url = "https://flaky.example.org/rss", Paused = true, NextPollAt = now.AddMinutes(20), CreatedAt = now.AddDays(-3),
            LastError = "HTTP 503 Service Unavailable", ConsecutiveFailures = 4, LastSuccessAt = now.AddHours(-5),
        };
        var harbour = new Chat { Platform = "telegram", ExternalId = "-100123456", Title = "Harbour <Watch>", CreatedAt = now.AddDays(-2) };
        harbour.Filters.Add(new ChatFilter { Text = "ceasefire OR truce", CreatedAt = now });
        harbour.Filters.Add(new ChatFilter { Text = "\"harbour master\"", CreatedAt = now });
        var paused = new Chat { Platform = "telegram", ExternalId = "555", Title = "Quiet room", Paused = true, CreatedAt = now };
        var gone = new Chat { Platform = "discord", ExternalId = "998877", Title = "old-channel", DeactivatedReason = "Unknown Channel", CreatedAt = now };
        db.AddRange(source, harbour, paused, gone);
        for (var i = 0; i < 6; i++)
        {
            var article = new Article
            {
                Source = source, IdentityHash = $"hash-{i}", Title = $"Truce holds for day {i}", Text = "text",
                FetchedAt = now.AddHours(-i * 4),
            };
            db.Add(new Alert
            {
                Chat = harbour, Article = article, MatchedTerms = "truce", Status = i == 0 ? AlertStatus.Pending : AlertStatus.Sent,
                CreatedAt = now.AddHours(-i * 4), NextAttemptAt = now, SentAt = i == 0 ? null : now.AddHours(-i * 4),
            });
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Chats_page_counts_chats_per_platform_and_finds_a_chat_with_its_filters_and_last_alerts()
    {
        await using var site = await AdminSite.StartAsync();
        await SeedAsync(site);
        await site.SignInOkAsync();

        var overview = await site.Client.GetStringAsync("admin/chats");
        Assert.Contains("<tr><td>discord</td><td>1</td><td>0</td><td>0</td><td>1</td>", overview);
        Assert.Contains("<tr><td>telegram</td><td>2</td><td>1</td><td>1</td><td>0</td><td>2</td><td>1</td></tr>", overview);

        var byId = await site.Client.GetStringAsync("admin/chats?q=-100123456");
        Assert.Contains("Harbour &lt;Watch&gt;", byId);
        var byTitle = await site.Client.GetStringAsync("admin/chats?q=OLD-Chan");
        Assert.Contains("deactivated: Unknown Channel", byTitle);
        Assert.Contains("No chat has the id", await site.Client.GetStringAsync("admin/chats?q=nobody"));

        var link = ChatLink().Match(byId);
        Assert.True(link.Success, "the search result links to the chat");
        var detail = await site.Client.GetStringAsync(link.Groups[1].Value.TrimStart('/'));
        Assert.Contains("<code>ceasefire OR truce</code>", detail);
        Assert.Contains("<code>&quot;harbour master&quot;</code>", detail);
        Assert.Contains("Truce holds for day 5", detail);
        Assert.Contains("Pending", detail);
    }

    [Fact]
    public async Task Removing_a_filter_on_the_chat_page_deletes_it_and_stops_its_alerts_at_once()
    {
        await using var site = await AdminSite.StartAsync();
        await SeedAsync(site);
        await site.SignInOkAsync();
        long chatId, filterId;
        await using (var db = site.Host.Db())
        {
            var filter = db.Filters.Single(f => f.Text == "\"harbour master\"");
            (chatId, filterId) = (filter.ChatId, filter.Id);
        }
        var index = site.Host.Services.GetRequiredService<NewsBot.Pipeline.Match.FilterIndexHolder>();
        index.Add(filterId, chatId, "\"harbour master\""); // seeded after start: put it where a running service has it
        var article = new NewsBot.Core.Filters.ArticleText("Harbour master resigns", "", "Wire", null);
        Assert.Contains(index.Index.Match(article), m => m.FilterId == filterId);

        using var other = await site.PostFormAsync($"admin/chats/{chatId + 100}/filters/{filterId}/delete", $"admin/chats/{chatId}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode); // a filter is removed only through its own chat
        using var removed = await site.PostFormAsync($"admin/chats/{chatId}/filters/{filterId}/delete", $"admin/chats/{chatId}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        var page = await site.Client.GetStringAsync(removed.Headers.Location!.OriginalString.TrimStart('/'));
        Assert.Contains("Removed filter", page);
        Assert.DoesNotContain("<code>&quot;harbour master&quot;</code>", page);
        Assert.Contains("<code>ceasefire OR truce</code>", page);
        await using (var db = site.Host.Db()) Assert.False(db.Filters.Any(f => f.Id == filterId));
        Assert.DoesNotContain(index.Index.Match(article), m => m.FilterId == filterId);
    }

    [Fact]
    public async Task Activity_page_draws_alerts_and_articles_per_hour_as_svg_bars_and_lists_failing_sources()
    {
        await using var site = await AdminSite.StartAsync();
        await SeedAsync(site);
        await site.SignInOkAsync();

        using var response = await site.Client.GetAsync("admin/activity");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, Bars(html, "chart-alerts-telegram"));   // five sent alerts, four hours apart
        Assert.Equal(6, Bars(html, "chart-articles"));
        Assert.Equal(0, Bars(html, "chart-alerts-discord"));
        Assert.Contains("Alerts sent per hour to telegram (total 5", html);
        Assert.Contains("HTTP 503 Service Unavailable", html);
        Assert.Contains("Flaky Wire", html);
    }

    private static int Bars(string html, string chartId)
    {
        var start = html.IndexOf($"<svg id=\"{chartId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no chart {chartId}");
        var svg = html[start..html.IndexOf("</svg>", start, StringComparison.Ordinal)];
        return Regex.Count(svg, "<rect class=\"bar\"");
    }

    [GeneratedRegex("href=\"(/admin/chats/\\d+)\">")]
    private static partial Regex ChatLink();
}
