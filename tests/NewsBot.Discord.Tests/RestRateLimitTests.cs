using System.Diagnostics;
using System.Globalization;
using NewsBot.Core.Alerts;
using NewsBot.Discord.Rest;
using NewsBot.Discord.Sending;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>Pacing by Discord's rate-limit headers and 429 answers (topics/rate-limits.mdx).</summary>
public sealed class RestRateLimitTests(ITestOutputHelper output)
{
    private static readonly AlertContent Alert = new("Storm closes ports", "Ports on the coast closed as the storm arrived.", "Wire",
        new DateTimeOffset(2026, 11, 29, 5, 0, 0, TimeSpan.Zero), "https://news.example/storm", ["storm"]);

    [Fact]
    public async Task Burst_of_300_alerts_to_100_channels_stays_under_the_limits()
    {
        // Global 50/s as documented; a tight per-channel bucket (2 per second) so the third message per channel must wait.
        await using var rig = await DiscordRig.StartAsync(output, fake =>
        {
            fake.MessageBucketLimit = 2;
            fake.MessageBucketWindow = TimeSpan.FromSeconds(1);
        });
        var sender = new DiscordAlertSender(rig.Rest);
        var channels = Enumerable.Range(0, 100).Select(i => (1800000000000000000L + i).ToString(CultureInfo.InvariantCulture)).ToArray();

        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => sender.SendAsync(channels[i % 100], Alert, CancellationToken.None)));
        clock.Stop();

        var requests = rig.Server.Requests.Where(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)).OrderBy(r => r.At).ToList();
        var busiestSecond = requests.Max(r => requests.Count(o => o.At >= r.At && o.At < r.At + TimeSpan.FromSeconds(1)));
        output.WriteLine($"300 alerts to 100 channels: {requests.Count} requests in {clock.Elapsed.TotalSeconds:0.00} s = {requests.Count / clock.Elapsed.TotalSeconds:0.0} requests/s; " +
            $"busiest second {busiestSecond}; 429 answers: {rig.Server.TooManyRequests}");
        Assert.All(outcomes, o => Assert.IsType<SendOutcome.Sent>(o));
        Assert.Equal(300, rig.Server.Messages.Count);
        Assert.All(channels, c => Assert.Equal(3, rig.Server.Messages.Count(m => m.Target == c)));
        Assert.True(rig.Server.TooManyRequests <= 3, $"{rig.Server.TooManyRequests} answers were 429");
        Assert.True(busiestSecond <= 50, $"{busiestSecond} requests in one second");
    }

    [Fact]
    public async Task Empty_bucket_waits_for_its_reset_instead_of_running_into_a_429()
    {
        await using var rig = await DiscordRig.StartAsync(output, fake =>
        {
            fake.MessageBucketLimit = 1;
            fake.MessageBucketWindow = TimeSpan.FromMilliseconds(400);
        });
        var message = new DiscordMessageBody { Content = "hello" };

        for (var i = 0; i < 3; i++) await rig.Rest.CreateMessageAsync("1800000000000000001", message, CancellationToken.None);

        var times = rig.Server.Requests.Select(r => r.At).ToList();
        Assert.Equal(0, rig.Server.TooManyRequests);
        Assert.Equal(3, times.Count);
        Assert.True(times[2] - times[0] >= TimeSpan.FromMilliseconds(750), $"3 messages within {(times[2] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Global_429_is_waited_out_before_the_retry()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.Server.ForceRateLimit(TimeSpan.FromMilliseconds(600), global: true);

        var sent = await rig.Rest.CreateMessageAsync("1800000000000000001", new DiscordMessageBody { Content = "hi" }, CancellationToken.None);

        var attempts = rig.Server.Requests.ToList();
        Assert.NotEmpty(sent.Id);
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(590), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Global_429_holds_back_requests_on_other_routes_too()
    {
        // Retry-after longer than MaxRateLimitWait: the client reports the 429 instead of retrying, but keeps the block.
        await using var rig = await DiscordRig.StartAsync(output, client: c => c.MaxRateLimitWait = TimeSpan.FromMilliseconds(100));
        rig.Server.ForceRateLimit(TimeSpan.FromMilliseconds(600), global: true);

        var limited = await Assert.ThrowsAsync<DiscordRateLimitedException>(() =>
            rig.Rest.CreateMessageAsync("1800000000000000001", new DiscordMessageBody { Content = "a" }, CancellationToken.None));
        await rig.Rest.OpenDmAsync("1400000000000000001", CancellationToken.None);

        var requests = rig.Server.Requests.ToList();
        Assert.True(limited.Global);
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(590), $"DM sent {(requests[1].At - requests[0].At).TotalMilliseconds} ms after the global 429");
    }

    [Fact]
    public async Task Long_retry_after_is_handed_back_as_retry_later()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.Server.ForceRateLimit(TimeSpan.FromSeconds(42.5), global: false);

        var outcome = await new DiscordAlertSender(rig.Rest).SendAsync("1800000000000000001", Alert, CancellationToken.None);

        var later = Assert.IsType<SendOutcome.RetryLater>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(42.5), later.After);
        Assert.Single(rig.Server.Requests);
    }
}
