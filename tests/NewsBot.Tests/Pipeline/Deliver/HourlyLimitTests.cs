using Microsoft.Extensions.Time.Testing;
using NewsBot.Configuration;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Deliver;

/// <summary>NewsBot:Delivery:DefaultHourlyLimit caps the chats that chose no limit; a chat's own /limit wins.</summary>
public sealed class HourlyLimitTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    private async Task<(ScriptedPlatform Platform, List<Alert> Alerts)> DeliverAsync(int defaultLimit, string? storedPreferences, int alerts)
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform();
        await using var outbox = new OutboxHarness(database, _time, new DeliveryOptions { DefaultHourlyLimit = defaultLimit }, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        await using (var db = database.Open())
        {
            db.Chats.Find(chat.Id)!.DeliveryPreferences = storedPreferences;
            await db.SaveChangesAsync();
        }
        var added = new List<Alert>();
        for (var i = 1; i <= alerts; i++) added.Add(await outbox.AddAlertAsync(chat, $"Ceasefire update {i}"));

        await outbox.DispatchAsync();

        var stored = new List<Alert>();
        foreach (var alert in added) stored.Add(await outbox.AlertAsync(alert.Id));
        return (platform, stored);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("digest=off;quiet=22:00-23:00;tz=UTC")] // delivery settings changed, but never /limit
    public async Task A_chat_that_chose_no_limit_gets_the_configured_default(string? stored)
    {
        var (platform, alerts) = await DeliverAsync(defaultLimit: 3, stored, alerts: 5);

        Assert.Equal(["Ceasefire update 1", "Ceasefire update 2", "Ceasefire update 3"], platform.Attempts.Select(a => a.Text));
        Assert.Equal(3, alerts.Count(a => a.Status == AlertStatus.Sent));
        Assert.All(alerts.Skip(3), a => Assert.Equal("Overflow", a.HeldFor));
    }

    [Fact]
    public async Task A_default_above_the_old_twenty_lets_more_through()
    {
        var (platform, alerts) = await DeliverAsync(defaultLimit: 100, null, alerts: 25);

        Assert.Equal(25, platform.Attempts.Count);
        Assert.All(alerts, a => Assert.Equal(AlertStatus.Sent, a.Status));
    }

    [Theory]
    [InlineData("digest=off;quiet=off;tz=UTC;limit=4", 3, 4)]
    [InlineData("digest=off;quiet=off;tz=UTC;limit=2", 10, 2)]
    public async Task A_chat_s_own_limit_wins_over_the_configured_default(string stored, int defaultLimit, int expectedSent)
    {
        var (platform, alerts) = await DeliverAsync(defaultLimit, stored, alerts: 6);

        Assert.Equal(expectedSent, platform.Attempts.Count);
        Assert.All(alerts.Skip(expectedSent), a => Assert.Equal("Overflow", a.HeldFor));
    }
}
