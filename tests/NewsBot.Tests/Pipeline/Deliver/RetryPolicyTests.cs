using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Alerts;
using NewsBot.Pipeline.Deliver.Outbox;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Deliver;

public sealed class RetryPolicyTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(1, 3, 3)]         // a rate limit's Retry-After as it is
    [InlineData(2, 0, 0)]
    [InlineData(3, 1, 30)]        // then the outbox's own backoff: 30 s …
    [InlineData(4, 1, 60)]
    [InlineData(6, 1, 240)]
    [InlineData(10, 1, 3600)]     // … bounded by an hour
    [InlineData(19, 1, 3600)]
    [InlineData(5, 7200, 7200)]   // a longer Retry-After is never shortened
    public void The_wait_is_the_platforms_retry_after_or_a_bounded_backoff_whichever_is_longer(int attempt, int retryAfterSeconds, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryPolicy.Delay(new SendOutcome.RetryLater(TimeSpan.FromSeconds(retryAfterSeconds), "x"), attempt));

    [Fact]
    public async Task An_alerts_retry_after_is_honoured_and_the_next_alert_of_the_chat_waits_too()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform { Answer = (_, _) => new SendOutcome.RetryLater(TimeSpan.FromMinutes(10), "telegram: Too Many Requests: retry after 600") };
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        var first = await outbox.AddAlertAsync(chat, "Ceasefire talks open");
        await outbox.AddAlertAsync(chat, "Ceasefire holds");

        await outbox.DispatchAsync();
        var waiting = await outbox.AlertAsync(first.Id);
        Assert.Equal(outbox.Now + TimeSpan.FromMinutes(10), waiting.NextAttemptAt);
        Assert.Equal(1, waiting.Attempts);
        Assert.Equal("telegram: Too Many Requests: retry after 600", waiting.LastError);
        Assert.Null(waiting.ClaimedUntil);
        Assert.Single(platform.Attempts); // the chat's next alert is not tried in the same round
        Assert.Contains(outbox.Jobs.Created, j => j.State is Hangfire.States.ScheduledState s && s.EnqueueAt > outbox.Now.AddMinutes(10));

        _time.Advance(TimeSpan.FromMinutes(9));
        platform.Answer = (_, _) => null;
        await outbox.DispatchAsync();
        Assert.Equal(2, platform.Attempts.Count); // only the second alert, which never asked to wait
        _time.Advance(TimeSpan.FromMinutes(1));
        await outbox.DispatchAsync();
        Assert.Equal(AlertStatus.Sent, (await outbox.AlertAsync(first.Id)).Status);
    }

    [Fact]
    public async Task A_failing_alerts_backoff_grows_but_stays_within_an_hour()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform { Answer = (_, _) => new SendOutcome.RetryLater(TimeSpan.FromSeconds(5), "telegram: Bad Gateway") };
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        var alert = await outbox.AddAlertAsync(chat, "Ceasefire talks open");
        await outbox.SetAlertAsync(alert.Id, a => a.Attempts = 15);

        await outbox.DispatchAsync();
        var waiting = await outbox.AlertAsync(alert.Id);
        Assert.Equal(outbox.Now + RetryPolicy.MaxBackoff, waiting.NextAttemptAt);
        Assert.Equal(AlertStatus.Pending, waiting.Status);
    }

    [Fact]
    public async Task An_alert_is_given_up_after_twenty_attempts_with_the_reason_and_the_chat_goes_on()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform();
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        var failing = await outbox.AddAlertAsync(chat, "Ceasefire talks open");
        var next = await outbox.AddAlertAsync(chat, "Ceasefire holds");
        await outbox.SetAlertAsync(failing.Id, a => a.Attempts = RetryPolicy.MaxAttempts - 1);
        platform.Answer = (_, text) => text.Contains("talks", StringComparison.Ordinal) ? new SendOutcome.RetryLater(TimeSpan.FromSeconds(5), "telegram: Bad Gateway") : null;

        await outbox.DispatchAsync();
        var given = await outbox.AlertAsync(failing.Id);
        Assert.Equal(AlertStatus.Failed, given.Status);
        Assert.Equal(RetryPolicy.MaxAttempts, given.Attempts);
        Assert.Equal("gave up after 20 attempts: telegram: Bad Gateway", given.LastError);
        Assert.Equal(AlertStatus.Sent, (await outbox.AlertAsync(next.Id)).Status);
    }

    [Fact]
    public async Task A_notice_is_retried_after_the_platforms_delay_and_given_up_after_twenty_attempts()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform { Answer = (_, _) => new SendOutcome.RetryLater(TimeSpan.FromMinutes(2), "discord: rate limited") };
        await using var outbox = new OutboxHarness(database, _time, platform);
        var notice = await outbox.AddNoticeAsync(platform.Name, "admin", chatId: null);

        await outbox.SendNoticesAsync();
        var waiting = await outbox.NoticeAsync(notice.Id);
        Assert.Equal(outbox.Now + TimeSpan.FromMinutes(2), waiting.NextAttemptAt);
        Assert.Equal(1, waiting.Attempts);

        await outbox.SetNoticeAsync(notice.Id, n => { n.Attempts = RetryPolicy.MaxAttempts - 1; n.NextAttemptAt = outbox.Now; });
        await outbox.SendNoticesAsync();
        var given = await outbox.NoticeAsync(notice.Id);
        Assert.Equal(AlertStatus.Failed, given.Status);
        Assert.Equal("gave up after 20 attempts: discord: rate limited", given.LastError);
    }

    [Fact]
    public async Task A_digest_that_cannot_be_sent_counts_attempts_backs_off_and_is_given_up_after_twenty()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform { Answer = (_, _) => new SendOutcome.RetryLater(TimeSpan.FromSeconds(1), "telegram: Bad Gateway") };
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        var held = await outbox.AddAlertAsync(chat, "Ceasefire talks open", heldFor: "Daily");

        await outbox.DispatchAsync();
        var waiting = await outbox.AlertAsync(held.Id);
        Assert.Equal(1, waiting.Attempts);
        Assert.Equal(outbox.Now + TimeSpan.FromSeconds(1), waiting.NextAttemptAt);
        Assert.Equal("telegram: Bad Gateway", waiting.LastError);
        await outbox.DispatchAsync(); // not due yet: a digest is no longer tried every round
        Assert.Single(platform.Attempts);

        await outbox.SetAlertAsync(held.Id, a => { a.Attempts = RetryPolicy.MaxAttempts - 1; a.NextAttemptAt = outbox.Now; });
        await outbox.DispatchAsync();
        var given = await outbox.AlertAsync(held.Id);
        Assert.Equal(AlertStatus.Failed, given.Status);
        Assert.Equal("gave up after 20 attempts: telegram: Bad Gateway", given.LastError);
    }
}
