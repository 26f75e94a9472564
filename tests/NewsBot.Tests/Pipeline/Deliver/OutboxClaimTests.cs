using Microsoft.Extensions.Time.Testing;
using NewsBot.Pipeline.Deliver.Outbox;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Deliver;

public sealed class OutboxClaimTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Two_outboxes_never_send_one_alert()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform();
        await using var first = new OutboxHarness(database, _time, platform);
        await using var second = new OutboxHarness(database, _time, platform);
        var chat = await first.AddChatAsync(platform.Name, "c1");
        var alert = await first.AddAlertAsync(chat, "Ceasefire talks open");

        var sending = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        platform.During = async () => { sending.TrySetResult(); await release.Task; };
        var firstRun = first.DispatchAsync();
        await sending.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The first outbox is half-way through its send: the second finds the alert claimed.
        await second.DispatchAsync().WaitAsync(TimeSpan.FromSeconds(30));
        release.SetResult();
        await firstRun;

        Assert.Single(platform.Attempts);
        Assert.Equal(AlertStatus.Sent, (await first.AlertAsync(alert.Id)).Status);
    }

    [Fact]
    public async Task A_dead_claimants_alert_is_sent_after_the_lease_and_not_before()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform();
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        var alert = await outbox.AddAlertAsync(chat, "Ceasefire talks open");
        await outbox.SetAlertAsync(alert.Id, a => a.ClaimedUntil = outbox.Now + OutboxHarness.Lease); // claimed by an instance that died

        await outbox.DispatchAsync();
        Assert.Empty(platform.Attempts);

        _time.Advance(OutboxHarness.Lease + TimeSpan.FromSeconds(1));
        await outbox.DispatchAsync();
        Assert.Single(platform.Attempts);
        var sent = await outbox.AlertAsync(alert.Id);
        Assert.Equal(AlertStatus.Sent, sent.Status);
        Assert.Null(sent.ClaimedUntil);
    }

    [Fact]
    public async Task A_dead_claimants_notice_is_sent_after_the_lease()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform();
        await using var outbox = new OutboxHarness(database, _time, platform);
        var notice = await outbox.AddNoticeAsync(platform.Name, "admin", chatId: null);
        await outbox.SetNoticeAsync(notice.Id, n => n.ClaimedUntil = outbox.Now + OutboxHarness.Lease);

        Assert.Equal(0, await outbox.SendNoticesAsync());
        _time.Advance(OutboxHarness.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await outbox.SendNoticesAsync());
        Assert.Equal(AlertStatus.Sent, (await outbox.NoticeAsync(notice.Id)).Status);
    }

    [Fact]
    public async Task A_digest_whose_alerts_are_partly_claimed_elsewhere_is_not_sent_and_leaves_the_other_claim_alone()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform();
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        var free = await outbox.AddAlertAsync(chat, "Ceasefire talks open", heldFor: "Daily");
        var taken = await outbox.AddAlertAsync(chat, "Ceasefire holds", heldFor: "Daily");
        var elsewhere = outbox.Now + OutboxHarness.Lease;

        await using (var db = database.Open())
        {
            var claim = await OutboxClaim.TryTakeAsync(db.Alerts.Where(a => a.Id == taken.Id), 1, outbox.Now, OutboxHarness.Lease, CancellationToken.None);
            Assert.NotNull(claim);
            // Claiming both now finds one taken: nothing is claimed, and the other sender keeps its claim.
            var both = db.Alerts.Where(a => a.Id == free.Id || a.Id == taken.Id);
            Assert.Null(await OutboxClaim.TryTakeAsync(both, 2, outbox.Now, TimeSpan.FromSeconds(30), CancellationToken.None));
        }
        Assert.Null((await outbox.AlertAsync(free.Id)).ClaimedUntil);
        Assert.Equal(elsewhere, (await outbox.AlertAsync(taken.Id)).ClaimedUntil);
    }
}
