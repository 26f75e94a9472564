using Microsoft.EntityFrameworkCore;
using NewsBot.Commands;
using NewsBot.Core.Commands;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage.Entities;
using NewsBot.TestKit.WebSub;

namespace NewsBot.IntegrationTests.Push;

/// <summary>
/// WebSub end to end through the real host and a fake hub speaking the Recommendation: discovery,
/// subscription, verification of intent, denial, signed content distribution, unknown callbacks.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class WebSubPushTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-websub-{Guid.NewGuid():N}.db");
    private PushedNewsSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await PushedNewsSite.StartAsync();
        _site.Site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddHours(-3));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private async Task<TestHost> StartSubscribedAsync()
    {
        var host = await TestHost.StartAsync(_dbPath, _site.Settings());
        _site.Route(host);
        await Eventually.TrueAsync(async () => (await SubscriptionAsync(host))?.State == PushState.Active, Wait, "the host confirmed the subscription");
        await Eventually.TrueAsync(() => _site.Hub.Subscribers(_site.Topic).Count == 1, Wait, "the hub saw the echo and records the subscriber");
        return host;
    }

    private static async Task<PushSubscription?> SubscriptionAsync(TestHost host)
    {
        await using var db = host.Db();
        return await db.PushSubscriptions.AsNoTracking().SingleOrDefaultAsync();
    }

    private static async Task<string> SourcesWithHealthAsync(TestHost host)
    {
        await using var db = host.Db();
        var reply = await host.Services.GetRequiredService<SourceCommands>().ListAsync(db, withHealth: true, CancellationToken.None);
        return string.Concat(reply.Body.Parts.OfType<ReplyPart.Words>().Select(w => w.Text));
    }

    private static async Task<Source> SourceAsync(TestHost host)
    {
        await using var db = host.Db();
        return await db.Sources.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task A_feed_naming_a_hub_is_subscribed_and_a_pushed_item_is_alerted_at_once_then_polled_only_for_safety()
    {
        await using var host = await StartSubscribedAsync();

        var request = Assert.Single(_site.Hub.Requests);
        Assert.Equal("subscribe", request["hub.mode"]);
        Assert.Equal(_site.Topic, request["hub.topic"]);
        Assert.StartsWith(PushedNewsSite.CallbackBase + "websub/", request["hub.callback"], StringComparison.Ordinal);
        Assert.Equal(32, request["hub.callback"].Split('/')[^1].Length); // 128 random bits
        Assert.InRange(request["hub.secret"].Length, 32, 199);
        Assert.Equal("864000", request["hub.lease_seconds"]);
        Assert.True(Assert.Single(_site.Hub.Verifications).Confirmed);
        Assert.Single(_site.Hub.Subscribers(_site.Topic));

        var polls = _site.Site.Polls();
        Assert.Equal([202], await _site.PublishAsync("push-1", "Ceasefire agreed in pushed news"));
        await Eventually.TrueAsync(() => host.Output.Text.Contains("Ceasefire agreed in pushed news", StringComparison.Ordinal), Wait, "the pushed item is alerted");
        Assert.Equal(polls, _site.Site.Polls()); // it came by push, not by a poll

        Assert.Contains("push via 127.0.0.1: active until ", await SourcesWithHealthAsync(host), StringComparison.Ordinal);
        var source = await SourceAsync(host);
        // On its phase of the interval: at least half an interval ahead, so 30 min for the safety hour, under 7.5 min for its own 5.
        Assert.True(source.NextPollAt > DateTime.UtcNow.AddMinutes(29), $"next poll at {source.NextPollAt:u}: the safety interval (1 h), not 5 min");
    }

    [Fact]
    public async Task A_denied_subscription_is_recorded_with_its_reason_and_the_source_is_polled_as_before()
    {
        _site.Hub.DeniedTopics[_site.Topic] = "topic not served here";
        await using var host = await TestHost.StartAsync(_dbPath, _site.Settings());
        _site.Route(host);

        await Eventually.TrueAsync(async () => (await SubscriptionAsync(host))?.State == PushState.Denied, Wait, "the denial is recorded");
        var sub = await SubscriptionAsync(host);
        Assert.Equal("topic not served here", sub!.LastError);
        Assert.Null(sub.NextAttemptAt);
        await _site.Hub.SettledAsync();
        Assert.Equal("denied", Assert.Single(_site.Hub.Verifications).Mode);
        Assert.Empty(_site.Hub.Subscribers(_site.Topic));
        var source = await SourceAsync(host);
        Assert.True(source.NextPollAt < DateTime.UtcNow.AddMinutes(10), $"next poll at {source.NextPollAt:u}: its own 5 minutes, not the safety hour");

        // The health shows it: /sources with health, and the CLI's `sources list` on the same database.
        Assert.Contains("push via 127.0.0.1: denied: topic not served here", await SourcesWithHealthAsync(host), StringComparison.Ordinal);
        var workDir = Directory.CreateTempSubdirectory("newsbot-websub-cli-").FullName;
        try
        {
            var settings = System.Text.Json.JsonSerializer.Serialize(new { NewsBot = new { Database = new { ConnectionString = $"Data Source={_dbPath}" } } });
            await File.WriteAllTextAsync(Path.Combine(workDir, "appsettings.json"), settings);
            var (exit, list, _) = await NewsBotProcess.RunAsync(workDir, "sources", "list");
            Assert.Equal(0, exit);
            Assert.Contains("      push via 127.0.0.1: denied: topic not served here", list, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }

    [Fact]
    public async Task Deliveries_with_a_wrong_or_missing_signature_are_ignored_and_a_correctly_signed_one_is_ingested()
    {
        await using var host = await StartSubscribedAsync();

        // WebSub 8: acknowledged with 2xx all the same, so the hub learns nothing, but ignored.
        Assert.Equal([202], await _site.PublishOnlyAsync("forged-1", "Ceasefire forged by a stranger", wrongSignature: true));
        Assert.Equal([202], await _site.PublishOnlyAsync("forged-2", "Ceasefire unsigned rumour", HubSignatureMethod.None));
        Assert.Equal([202], await _site.PublishAsync("real-1", "Ceasefire confirmed, signed with sha1", HubSignatureMethod.Sha1));

        await Eventually.TrueAsync(() => host.Output.Text.Contains("Ceasefire confirmed, signed with sha1", StringComparison.Ordinal), Wait, "the signed item is alerted");
        await using var db = host.Db();
        var titles = await db.Articles.Select(a => a.Title).ToListAsync();
        Assert.DoesNotContain("Ceasefire forged by a stranger", titles);
        Assert.DoesNotContain("Ceasefire unsigned rumour", titles);
        Assert.DoesNotContain("forged", host.Output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callback_refuses_a_verification_it_did_not_ask_for_and_answers_410_for_an_unknown_subscription()
    {
        await using var host = await StartSubscribedAsync();
        var callbackId = (await SubscriptionAsync(host))!.CallbackId;
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        // Nothing pending: a stranger (or a replayed verification) gets 404, not the echo.
        var replay = await client.GetAsync($"websub/{callbackId}?hub.mode=subscribe&hub.topic={Uri.EscapeDataString(_site.Topic)}&hub.challenge=abc&hub.lease_seconds=60");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, replay.StatusCode);
        var unsubscribe = await client.GetAsync($"websub/{callbackId}?hub.mode=unsubscribe&hub.topic={Uri.EscapeDataString(_site.Topic)}&hub.challenge=abc");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unsubscribe.StatusCode);
        var otherTopic = await client.GetAsync($"websub/{callbackId}?hub.mode=denied&hub.topic=https%3A%2F%2Fevil.example%2F");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, otherTopic.StatusCode);
        Assert.Equal(PushState.Active, (await SubscriptionAsync(host))!.State);

        using var content = new StringContent("<rss/>");
        var unknown = await client.PostAsync("websub/00000000000000000000000000000000", content);
        Assert.Equal(System.Net.HttpStatusCode.Gone, unknown.StatusCode);
    }
}
