using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Console;
using NewsBot.Discord;
using NewsBot.Platforms;
using NewsBot.Scaling;
using NewsBot.Storage;
using NewsBot.Telegram;

namespace NewsBot.Tests.Scaling;

/// <summary>Which platforms wait for the bot's lease comes from their capabilities, not from a list of names.</summary>
public sealed class LeaderElectionPlatformsTests
{
    private static ServiceProvider Host(DatabaseProvider provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NewsBot:Telegram:BotToken"] = "123456:ABC",
            ["NewsBot:Discord:BotToken"] = "abc.def.ghi",
        }).Build();
        var database = new DatabaseOptions { Provider = provider, ConnectionString = "Host=127.0.0.1;Port=9" };
        return new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider())
            .AddSingleton(Topology.From(database))
            .AddSingleton(Options.Create(database))
            .AddSingleton(Options.Create(new LeadershipOptions()))
            .AddSingleton<LeaderElection>()
            .AddSingleton<ChatPlatforms>()
            .AddConsoleChat()
            .AddTelegram(configuration)
            .AddDiscord(configuration)
            .BuildServiceProvider();
    }

    [Fact]
    public async Task On_several_instances_only_platforms_that_need_the_leader_wait_for_the_lease()
    {
        await using var host = Host(DatabaseProvider.Postgres);
        var platforms = host.GetRequiredService<ChatPlatforms>();

        var sendable = platforms.All.ToDictionary(p => p.Name, platforms.MaySend);

        Assert.Equal(new Dictionary<string, bool>
        {
            ["console"] = true,
            ["discord-webhook"] = true,
            ["telegram"] = false, // nobody sends to Telegram before winning its lease
            ["discord"] = false,
        }, sendable);
        Assert.False(host.GetRequiredService<LeaderElection>().MaySend("telegram"));
        Assert.All(platforms.All, p => Assert.Equal(!p.Capabilities.NeedsLeader, sendable[p.Name]));
    }

    [Fact]
    public async Task On_one_instance_every_platform_may_send_before_its_bot_started()
    {
        await using var host = Host(DatabaseProvider.Sqlite);
        var platforms = host.GetRequiredService<ChatPlatforms>();

        Assert.All(platforms.All, p => Assert.True(platforms.MaySend(p), p.Name));
        Assert.Equal(4, platforms.SendableNow().Length);
    }
}
