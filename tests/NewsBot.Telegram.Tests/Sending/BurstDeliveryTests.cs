using System.Diagnostics;
using System.Globalization;
using NewsBot.Core.Alerts;
using Xunit.Abstractions;

namespace NewsBot.Telegram.Tests.Sending;

/// <summary>
/// The issue's burst: 500 alerts to 200 chats (150 private, 50 groups) through the real sender and
/// pacer against the fake server's flood limits, in real time. Takes about 17 s: 500 messages at
/// Telegram's ~30/s cannot go faster, which is the point of the measurement.
/// </summary>
public class BurstDeliveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Burst_of_500_alerts_to_200_chats_stays_within_limits_with_no_429()
    {
        var pacing = new TelegramPacingOptions();
        await using var t = await TelegramHarness.StartAsync(pacing: pacing); // the fake's default limits
        var chats = Enumerable.Range(0, 150).Select(i => 10_000L + i).Concat(Enumerable.Range(0, 50).Select(i => -1_000_000_000_000L - i)).ToList();
        // Outbox order: story 1 to every chat, story 2 to every chat, story 3 to half of them.
        var alerts = Enumerable.Range(1, 3)
            .SelectMany(story => chats.Take(story == 3 ? 100 : 200).Select(chat => (Chat: chat, Story: story)))
            .ToList();
        Assert.Equal(500, alerts.Count);

        // Client and fake share one process on a small shared machine: enough threads that the
        // fake's request handling does not queue behind 500 waking senders.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        await t.Startup.StartAsync(default); // as the host does before sending anything (getMe, setMyCommands)
        // A running bot has sent messages before; the first send JITs the request serializer and the
        // fake's parser, a stall that would hold the first paced requests and release them together.
        Assert.IsType<SendOutcome.Sent>(await t.Sender.SendAsync("1", Story(0), default));

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(alerts.Select(async a =>
        {
            var outcome = await t.Sender.SendAsync(a.Chat.ToString(CultureInfo.InvariantCulture), Story(a.Story), default);
            return (a.Chat, Outcome: outcome, Done: clock.Elapsed);
        }));
        var elapsed = clock.Elapsed;

        var perChat = results.GroupBy(r => r.Chat).Select(g => (First: g.Min(r => r.Done), Last: g.Max(r => r.Done))).ToList();
        var rate = results.Length / elapsed.TotalSeconds;
        var sent = t.Server.SentMessages.Where(m => m.ChatId != 1).ToList();
        var closestInChat = sent.GroupBy(m => m.ChatId)
            .SelectMany(g => g.OrderBy(m => m.At).Zip(g.OrderBy(m => m.At).Skip(1), (a, b) => b.At - a.At))
            .Min();
        output.WriteLine($"500 alerts to 200 chats in {elapsed.TotalSeconds:F1} s: {rate:F1} msg/s achieved, {pacing.MessagesPerSecond} msg/s paced, ~30 msg/s allowed by Telegram and the fake");
        output.WriteLine($"429 answers: {t.Server.TooManyRequestsCount}");
        output.WriteLine($"slowest chat: first message after {perChat.Max(c => c.First).TotalSeconds:F1} s, all its messages after {perChat.Max(c => c.Last).TotalSeconds:F1} s");
        output.WriteLine($"closest two messages to one chat (server clock): {closestInChat.TotalMilliseconds:F0} ms");

        var calls = t.Server.CallsTo("sendMessage");
        foreach (var c in calls.Where(c => c.Status == 429).Take(5))
            output.WriteLine($"429 for chat {c.Text("chat_id")} at {(c.At - calls[0].At).TotalMilliseconds:F0} ms; sends in the second before: {calls.Count(o => o.At <= c.At && o.At > c.At.AddSeconds(-1))}; same chat: {string.Join(",", calls.Where(o => o.Text("chat_id") == c.Text("chat_id")).Select(o => $"{(o.At - calls[0].At).TotalMilliseconds:F0}/{o.Status}"))}");
        Assert.Equal(0, t.Server.TooManyRequestsCount);
        Assert.All(results, r => Assert.IsType<SendOutcome.Sent>(r.Outcome));
        Assert.Equal(500, sent.Count);
        Assert.InRange(rate, 0.6 * pacing.MessagesPerSecond, 30); // near the paced rate, never above Telegram's
        Assert.True(closestInChat > TimeSpan.FromMilliseconds(900), $"two messages to one chat {closestInChat.TotalMilliseconds} ms apart");
        // Fair: every chat's first alert was delivered before any chat received its third.
        var firstThird = results.GroupBy(r => r.Chat).Where(g => g.Count() == 3).Min(g => g.Max(r => r.Done));
        Assert.True(perChat.Max(c => c.First) < firstThird, "a chat waited behind other chats' later alerts");
    }

    private static AlertContent Story(int n) => new($"Story {n}: ceasefire talks & \"progress\"", "Negotiators met in Cairo.", "Example News",
        DateTimeOffset.UtcNow, $"https://news.example/{n}", ["ceasefire"]);
}
