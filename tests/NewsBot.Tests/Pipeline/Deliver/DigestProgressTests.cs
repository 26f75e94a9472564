using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Alerts;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Deliver;

public sealed class DigestProgressTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_digest_that_fails_on_part_two_sends_only_what_is_left_on_retry()
    {
        await using var database = await TestDatabase.CreateAsync();
        // Short messages: six stories of ~70 characters need more than one part.
        var platform = new ScriptedPlatform(maxTextLength: 200);
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        var alerts = new List<Alert>();
        for (var i = 1; i <= 6; i++) alerts.Add(await outbox.AddAlertAsync(chat, $"Ceasefire story number {i} with a long enough headline to fill a line", heldFor: "Daily"));
        var part = 0;
        platform.Answer = (_, _) => ++part == 2 ? new SendOutcome.RetryLater(TimeSpan.FromSeconds(30), "telegram: Bad Gateway") : null;

        await outbox.DispatchAsync();
        Assert.Equal(2, platform.Attempts.Count);
        var firstPart = platform.Attempts[0].Text;
        var stored = await Task.WhenAll(alerts.Select(a => outbox.AlertAsync(a.Id)));
        var sent = stored.Where(a => a.Status == AlertStatus.Sent).ToList();
        var left = stored.Where(a => a.Status == AlertStatus.Pending).ToList();
        Assert.NotEmpty(sent);
        Assert.NotEmpty(left);
        Assert.All(sent, a => Assert.Equal(outbox.Now, a.SentAt)); // a part's alerts are sent as soon as the part is
        Assert.All(left, a => Assert.Equal((1, outbox.Now.AddSeconds(30)), (a.Attempts, a.NextAttemptAt)));

        _time.Advance(TimeSpan.FromSeconds(30));
        await outbox.DispatchAsync();
        var retried = platform.Attempts.Skip(2).Select(a => a.Text).ToList();
        Assert.NotEmpty(retried);
        Assert.All(stored.Where(a => a.Status == AlertStatus.Sent), a =>
            Assert.All(retried, text => Assert.DoesNotContain(Number(a, alerts), text, StringComparison.Ordinal)));
        Assert.All(await Task.WhenAll(alerts.Select(a => outbox.AlertAsync(a.Id))), a => Assert.Equal(AlertStatus.Sent, a.Status));
        Assert.DoesNotContain(firstPart, retried);
    }

    private static string Number(Alert alert, List<Alert> alerts) => $"number {alerts.FindIndex(a => a.Id == alert.Id) + 1} ";
}
