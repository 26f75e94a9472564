using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Commands;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Pipeline.Deliver;
using NewsBot.Storage.Entities;
using static NewsBot.IntegrationTests.Infrastructure.ConsoleUsers;

namespace NewsBot.IntegrationTests.Commands;

/// <summary>/limit, /quiet, /digest, /timezone: when a chat is interrupted, through the real host.</summary>
[Collection(HostCollection.Name)]
public sealed class DeliveryControlTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-dlv-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Yesterday", "<p>Old.</p>", DateTimeOffset.UtcNow.AddDays(-1));
        _host = await TestHost.StartAsync(_dbPath, _site.SeedSource());
        await _host.WaitForFirstFetchAsync(Wait);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private Task<CommandReply> Send(string text) =>
        CommandRouter.RouteAsync(Alice, ChatCommandParser.Parse(text)!, _host.Services.GetRequiredService<ICommandExecutor>(), CancellationToken.None);

    private async Task<List<Alert>> AlertsAsync()
    {
        await using var db = _host.Db();
        return await db.Alerts.AsNoTracking().Include(a => a.Article).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Over_the_hourly_limit_the_rest_roll_into_one_digest()
    {
        await Send("/add ceasefire");
        Assert.Contains("at most 1 alert", (await Send("/limit 1")).Text);
        _site.Feed.Add("a1", "Ceasefire talks open in Cairo", "<p>Delegations met on Monday.</p>", DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => _host.Output.Text.Contains("🔔 Ceasefire talks open"), Wait, "the first alert is sent");
        _site.Feed.Add("a2", "Ceasefire monitors arrive in the north", "<p>Observers from three countries.</p>", DateTimeOffset.UtcNow);
        _site.Feed.Add("a3", "Ceasefire deal text published", "<p>The ten-page document lists the stages.</p>", DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(async () => (await AlertsAsync()).Count(a => a.HeldFor == "Overflow") == 2, Wait, "two alerts are held");

        var held = (await AlertsAsync()).Where(a => a.HeldFor == "Overflow").ToList();
        var sentAt = (await AlertsAsync()).Single(a => a.Status == AlertStatus.Sent).SentAt!.Value;
        Assert.All(held, a => Assert.InRange(a.NextAttemptAt, sentAt.AddMinutes(59), sentAt.AddMinutes(61)));
        Assert.DoesNotContain("monitors arrive", _host.Output.Text);

        // An hour later (moved by hand rather than waited for): the held alerts go out as one digest.
        await using (var db = _host.Db())
            await db.Alerts.Where(a => a.HeldFor != null).ExecuteUpdateAsync(u => u.SetProperty(a => a.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)));
        await _host.Services.GetRequiredService<AlertDispatcher>().DispatchPendingAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _host.Output.Text.Contains("📰"), Wait, "the digest is sent");
        var digest = _host.Output.Text[_host.Output.Text.IndexOf("📰", StringComparison.Ordinal)..];
        Assert.Contains("2 more alerts this hour", digest);
        Assert.Contains("Ceasefire monitors arrive in the north", digest);
        Assert.Contains("Ceasefire deal text published", digest);
        Assert.Equal(1, _host.Output.Count("📰"));
        Assert.All(await AlertsAsync(), a => Assert.Equal(AlertStatus.Sent, a.Status));
    }

    [Fact]
    public async Task During_quiet_hours_alerts_are_held_until_they_end()
    {
        await Send("/add ceasefire");
        var now = DateTime.UtcNow;
        var quiet = $"/quiet {now.AddHours(-1):HH:mm}-{now.AddHours(2):HH:mm}";
        Assert.Contains("Quiet", (await Send(quiet)).Text, StringComparison.OrdinalIgnoreCase);
        _site.Feed.Add("q1", "Ceasefire holds overnight", "<p>No incidents were reported.</p>", DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(async () => (await AlertsAsync()).Any(a => a.HeldFor == "Away"), Wait, "the alert is held");
        var held = (await AlertsAsync()).Single();
        Assert.InRange(held.NextAttemptAt, now.AddMinutes(115), now.AddMinutes(121));
        Assert.Equal("", _host.Output.Text);
    }

    [Fact]
    public async Task Digest_and_timezone_settings_are_confirmed_and_bad_ones_explained()
    {
        Assert.Contains("08:00", (await Send("/digest daily 08:00")).Text);
        Assert.Contains("Europe/Berlin", (await Send("/timezone europe/berlin")).Text);
        Assert.Contains("Digest daily at 08:00 Europe/Berlin", (await Send("/digest")).Text);
        Assert.Contains("Usage", (await Send("/quiet 25:00-07:00")).Text);
        Assert.Contains("Usage", (await Send("/timezone Mars/Olympus")).Text);
        await using var db = _host.Db();
        Assert.Contains("tz=Europe/Berlin", (await db.Chats.SingleAsync()).DeliveryPreferences);
    }
}
