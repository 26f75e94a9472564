using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsBot.Core.Commands;
using NewsBot.Startup;

namespace NewsBot.Tests.Configuration;

/// <summary>
/// NewsBot:Delivery:DefaultHourlyLimit and the console chat's rules (NewsBot:Console) through the real host:
/// validated at start with the key's name; the default is shown by /limit and /settings. Also the other
/// setting that came with them, NewsBot:Sources:MaxConcurrentPolls.
/// </summary>
public sealed class DeliverySettingsTests : IDisposable
{
    private static readonly CommandContext Alice = new("console", "alice", ChatKind.Private, "alice", IsBotAdmin: false, IsChatAdmin: true);
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-delivery-settings-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_dbPath + suffix);
    }

    private WebApplication Build(params (string Key, string Value)[] settings) =>
        NewsBotHost.Build([], builder =>
        {
            builder.Configuration.Sources.Clear();
            var config = new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["NewsBot:Database:Provider"] = "Sqlite",
                ["NewsBot:Database:ConnectionString"] = $"Data Source={_dbPath}",
            };
            foreach (var (key, value) in settings) config[key] = value;
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddKeyedSingleton<TextWriter>("console", TextWriter.Null);
        });

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task A_default_hourly_limit_outside_1_to_1000_stops_the_start_naming_the_key(string value)
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = Build(("NewsBot:Delivery:DefaultHourlyLimit", value));
            await app.StartAsync();
        });

        Assert.Contains($"NewsBot:Delivery:DefaultHourlyLimit must be between 1 and 1000 (got {value})", string.Join("; ", e.Failures));
    }

    [Fact]
    public async Task No_poll_slots_stops_the_start_naming_the_key()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = Build(("NewsBot:Sources:MaxConcurrentPolls", "0"));
            await app.StartAsync();
        });

        Assert.Contains("NewsBot:Sources:MaxConcurrentPolls must be at least 1 (got 0)", string.Join("; ", e.Failures));
    }

    [Fact]
    public async Task Limit_and_settings_show_the_configured_default_until_the_chat_sets_its_own()
    {
        await using var app = Build(("NewsBot:Delivery:DefaultHourlyLimit", "7"));
        await app.Services.PrepareAsync();
        var executor = app.Services.GetRequiredService<ICommandExecutor>();
        Task<CommandReply> Send(string text) => CommandRouter.RouteAsync(Alice, ChatCommandParser.Parse(text)!, executor, CancellationToken.None);

        Assert.Contains("at most 7 alerts an hour (default)", (await Send("/limit")).Text);
        Assert.Contains("at most 7 alerts an hour (default)", (await Send("/quiet 22:00-07:00")).Text);
        Assert.Contains("at most 12 alerts an hour.", (await Send("/limit 12")).Text);
        Assert.DoesNotContain("(default)", (await Send("/digest")).Text);
    }

    [Theory]
    [InlineData("NewsBot:Console:HourlyLimit", "0", "NewsBot:Console:HourlyLimit must be between 1 and 1000 (got 0)")]
    [InlineData("NewsBot:Console:Digest", "weekly", "NewsBot:Console:Digest must be off, hourly, or daily with times such as 'daily 08:00,18:00' (got 'weekly')")]
    [InlineData("NewsBot:Console:Quiet", "22:00", "NewsBot:Console:Quiet must be off or a period such as '22:00-07:00' (got '22:00')")]
    [InlineData("NewsBot:Console:TimeZone", "Mars/Olympus", "NewsBot:Console:TimeZone: 'Mars/Olympus' is not a time zone I know")]
    public async Task A_console_rule_that_does_not_read_stops_the_start_naming_the_key(string key, string value, string expected)
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = Build((key, value));
            await app.StartAsync();
        });

        Assert.Contains(expected, string.Join("; ", e.Failures));
    }
}
