using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Core.Alerts;
using NewsBot.Core.Commands;
using NewsBot.Core.Platforms;
using NewsBot.TestKit.Discord;
using NewsBot.TestKit.Platforms;

namespace NewsBot.Discord.Tests;

/// <summary>AddDiscord as the host calls it: options bound once and validated, webhooks always, the bot only with a token.</summary>
public sealed class DiscordServiceCollectionTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IBotLeases, SingleInstanceLeases>()
            .AddSingleton<ICommandExecutor, NoCommands>()
            .AddDiscord(configuration);
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private sealed class NoCommands : ICommandExecutor
    {
        public Task<CommandReply> ExecuteAsync(CommandContext ctx, ChatCommand cmd, CancellationToken ct) => Task.FromResult(new CommandReply(""));
    }

    private static readonly PlatformCapabilities WebhookCapabilities = new()
    {
        NeedsLeader = false, // no bot account behind a webhook: any instance may post
        CanEdit = true,
        CanMessageUser = false,
        MaxTextLength = 2000, // Discord: message content is at most 2000 characters
        Markup = PlatformMarkup.DiscordMarkdown,
    };

    [Fact]
    public async Task Without_a_token_only_the_webhook_platform_is_registered()
    {
        await using var provider = Provider(new() { ["NewsBot:Discord:AdminUserIds:0"] = "1400000000000000001" });

        var webhook = Assert.Single(provider.GetServices<IChatPlatform>());
        Assert.Equal("discord-webhook", webhook.Name);
        Assert.Equal(WebhookCapabilities, webhook.Capabilities);
        Assert.Empty(webhook.AdminRecipients);
        Assert.Empty(provider.GetServices<IHostedService>().OfType<DiscordBotService>());
        Assert.Null(provider.GetService<IOptions<HealthCheckServiceOptions>>()?.Value.Registrations.FirstOrDefault(r => r.Name == "discord"));
    }

    [Fact]
    public async Task With_a_token_the_bot_platform_says_what_discord_can_do()
    {
        await using var provider = Provider(new()
        {
            ["NewsBot:Discord:BotToken"] = "abc.def.ghi",
            ["NewsBot:Discord:AdminUserIds:0"] = "1400000000000000001",
        });

        var platforms = provider.GetServices<IChatPlatform>().ToDictionary(p => p.Name);
        Assert.Equal(["discord", "discord-webhook"], platforms.Keys.Order());
        Assert.Equal(new PlatformCapabilities
        {
            NeedsLeader = true, // one gateway session per bot; rate limits count per bot
            CanEdit = true,
            CanMessageUser = true, // through a DM channel
            MaxTextLength = 2000,
            Markup = PlatformMarkup.DiscordMarkdown,
        }, platforms["discord"].Capabilities);
        Assert.Equal([new PlatformRecipient("1400000000000000001", IsUser: true)], platforms["discord"].AdminRecipients);
        Assert.Equal(WebhookCapabilities, platforms["discord-webhook"].Capabilities);
        Assert.Single(provider.GetServices<IHostedService>().OfType<DiscordBotService>());
        var check = Assert.Single(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations);
        Assert.Equal("discord", check.Name);
        Assert.Contains(PlatformReadiness.HealthTag, check.Tags);
    }

    [Fact]
    public async Task Every_part_reads_the_one_validated_options_instance()
    {
        await using var server = await FakeDiscordServer.StartAsync();
        await using var provider = Provider(new() { ["NewsBot:Discord:BotToken"] = server.Options.BotToken, ["NewsBot:Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10" },
            services => services.PostConfigure<DiscordOptions>(o => o.ApiBaseUrl = server.ApiBaseUrl));

        Assert.Same(provider.GetRequiredService<IOptions<DiscordOptions>>().Value, provider.GetRequiredService<DiscordOptions>());
        var bot = provider.GetServices<IChatPlatform>().Single(p => p.Name == "discord");
        var outcome = await bot.SendAsync("1800000000000000001", new AlertContent("Headline", "Summary.", "Wire", null, null, []), CancellationToken.None);
        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Single(server.Messages);
    }

    [Theory]
    [InlineData("NewsBot:Discord:GuildIds:0", "my-server", "NewsBot:Discord:GuildIds entry 'my-server' is not a Discord id")]
    [InlineData("NewsBot:Discord:ApiBaseUrl", "discord.com/api", "NewsBot:Discord:ApiBaseUrl 'discord.com/api' is not an http(s) URL")]
    [InlineData("NewsBot:Discord:Webhooks:0:Url", "https://example.com/hook", "NewsBot:Discord:Webhooks:0:Url is not a Discord webhook URL")]
    public async Task An_invalid_value_stops_the_start_with_a_message_naming_its_key(string key, string value, string expected)
    {
        await using var provider = Provider(new() { [key] = value }); // also without a token: webhooks need none

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task A_missing_token_is_not_a_problem_when_only_webhooks_are_used()
    {
        await using var provider = Provider(new() { ["NewsBot:Discord:Webhooks:0:Url"] = "https://discord.com/api/webhooks/1/abc" });

        provider.GetRequiredService<IStartupValidator>().Validate();
    }
}
