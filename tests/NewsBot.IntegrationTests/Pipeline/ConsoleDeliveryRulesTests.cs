using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage.Entities;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>
/// The console chat's delivery rules come from NewsBot:Console (nobody can type /limit into a terminal).
/// Issue 15: it was capped at 20 alerts an hour by a default nothing mentioned; the rest waited an hour.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ConsoleDeliveryRulesTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-console-rules-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Yesterday", "<p>Old.</p>", DateTimeOffset.UtcNow.AddDays(-1));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private async Task<TestHost> StartAsync(params (string Key, string Value)[] rules)
    {
        // Thin test items would otherwise wait for their (unreachable) pages before going out.
        var host = await TestHost.StartAsync(_dbPath, _site.ConsoleCeasefireSettings([("NewsBot:Summaries:FetchPages", "false"), .. rules]));
        await host.WaitForFirstFetchAsync(Wait);
        return host;
    }

    private void Publish(int count)
    {
        for (var i = 1; i <= count; i++)
            _site.Feed.Add($"burst-{i}", $"Ceasefire bulletin number {i}", $"<p>Update {i} from the talks.</p>", DateTimeOffset.UtcNow);
    }

    private static async Task<List<Alert>> AlertsAsync(TestHost host)
    {
        await using var db = host.Db();
        return await db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Without_rules_the_console_prints_a_burst_of_25_alerts_and_holds_none_back()
    {
        await using var host = await StartAsync();
        Publish(25);

        await Eventually.TrueAsync(async () => (await AlertsAsync(host)).Count(a => a.Status == AlertStatus.Sent || a.HeldFor != null) == 25, Wait,
            "each of the 25 alerts is printed or held");
        Assert.Equal(25, host.Output.Count("🔔 Ceasefire bulletin"));
        Assert.All(await AlertsAsync(host), a => Assert.Null(a.HeldFor));
        Assert.DoesNotContain("📰", host.Output.Text);
    }

    [Fact]
    public async Task A_configured_hourly_limit_holds_the_rest_for_one_digest()
    {
        await using var host = await StartAsync(("NewsBot:Console:HourlyLimit", "2"));
        Publish(3);

        await Eventually.TrueAsync(async () => (await AlertsAsync(host)).Count(a => a.HeldFor == "Overflow") == 1, Wait, "one alert is held");
        Assert.Equal(2, host.Output.Count("🔔 Ceasefire bulletin"));
        Assert.Equal(2, (await AlertsAsync(host)).Count(a => a.Status == AlertStatus.Sent));
    }

    [Fact]
    public async Task Configured_quiet_hours_in_the_configured_zone_hold_alerts_until_they_end()
    {
        // Quiet from an hour ago until two hours ahead, written in Kolkata's wall clock (UTC+05:30, no daylight saving).
        var kolkata = DateTime.UtcNow.AddHours(5.5);
        await using var host = await StartAsync(
            ("NewsBot:Console:Quiet", $"{kolkata.AddHours(-1):HH:mm}-{kolkata.AddHours(2):HH:mm}"),
            ("NewsBot:Console:TimeZone", "Asia/Kolkata"));
        Publish(1);

        await Eventually.TrueAsync(async () => (await AlertsAsync(host)).Any(a => a.HeldFor == "Away"), Wait, "the alert is held");
        var held = Assert.Single(await AlertsAsync(host));
        Assert.InRange(held.NextAttemptAt, DateTime.UtcNow.AddMinutes(115), DateTime.UtcNow.AddMinutes(121));
        Assert.Equal("", host.Output.Text);
    }
}
