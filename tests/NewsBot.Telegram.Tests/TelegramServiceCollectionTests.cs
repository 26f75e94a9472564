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
using NewsBot.Telegram.Intake;
using NewsBot.Telegram.Sending;
using NewsBot.TestKit.Platforms;
using NewsBot.TestKit.Telegram;

namespace NewsBot.Telegram.Tests;

/// <summary>AddTelegram as the host calls it: options bound once and validated, the bot on only with a token.</summary>
public class TelegramServiceCollectionTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IBotLeases, SingleInstanceLeases>()
            .AddSingleton<ICommandExecutor, RecordingExecutor>()
            .AddTelegram(configuration);
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [Fact]
    public async Task The_registered_adapter_starts_and_sends_through_one_shared_pacer()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var provider = Provider(new() { ["NewsBot:Telegram:BotToken"] = server.Token, ["NewsBot:Telegram:ApiBaseUrl"] = server.BaseUrl });

        await provider.GetRequiredService<TelegramBotStartup>().StartAsync(default);
        var sender = provider.GetRequiredService<IChatPlatform>();
        Assert.Equal("telegram", sender.Name);
        Assert.IsType<SendOutcome.Sent>(await sender.SendAsync("42", new AlertContent("H", "S", "Src", null, null, []), default));
        Assert.Same(provider.GetRequiredService<TelegramPacer>(), provider.GetRequiredService<TelegramPacer>());
        Assert.NotNull(provider.GetRequiredService<TelegramPolling>());
        Assert.NotNull(provider.GetRequiredService<TelegramWebhook>());
    }

    [Fact]
    public async Task Without_a_token_no_telegram_platform_bot_service_or_health_check_is_registered()
    {
        await using var provider = Provider(new() { ["NewsBot:Telegram:AdminUserIds:0"] = "7" });

        Assert.Empty(provider.GetServices<IChatPlatform>());
        Assert.Empty(provider.GetServices<IHostedService>());
        Assert.Empty(provider.GetServices<Action<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder>>());
        Assert.Null(provider.GetService<IOptions<HealthCheckServiceOptions>>()?.Value.Registrations.FirstOrDefault(r => r.Name == "telegram"));
        Assert.Equal([7L], provider.GetRequiredService<IOptions<TelegramOptions>>().Value.AdminUserIds); // still bound: notices read the admins
    }

    [Fact]
    public async Task With_a_token_the_platform_says_what_telegram_can_do()
    {
        await using var provider = Provider(new()
        {
            ["NewsBot:Telegram:BotToken"] = "123456:ABC-def_ghi",
            ["NewsBot:Telegram:AdminUserIds:0"] = "1001",
            ["NewsBot:Telegram:AdminUserIds:1"] = "1002",
        });

        var telegram = Assert.Single(provider.GetServices<IChatPlatform>());
        Assert.Equal("telegram", telegram.Name);
        Assert.Equal(new PlatformCapabilities
        {
            NeedsLeader = true, // one getUpdates poller per token; flood limits count per bot
            CanEdit = true,
            CanMessageUser = true,
            MaxTextLength = 4096, // Bot API sendMessage: 1-4096 characters after entities are parsed
            Markup = PlatformMarkup.TelegramHtml,
            MaxMentionsPerMessage = 5, // Telegram notifies only the first few users mentioned in a message
        }, telegram.Capabilities);
        // A user's private chat with the bot has the user's id.
        Assert.Equal([new PlatformRecipient("1001", IsUser: false), new PlatformRecipient("1002", IsUser: false)], telegram.AdminRecipients);
        Assert.Single(provider.GetServices<IHostedService>().OfType<TelegramBotService>());
        var check = Assert.Single(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations);
        Assert.Equal("telegram", check.Name);
        Assert.Contains(PlatformReadiness.HealthTag, check.Tags);
    }

    [Fact]
    public async Task Every_part_reads_the_one_validated_options_instance()
    {
        await using var provider = Provider(new() { ["NewsBot:Telegram:BotToken"] = "123456:ABC" },
            services => services.PostConfigure<TelegramOptions>(o => o.LinkPreviews = false));

        var validated = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        Assert.Same(validated, provider.GetRequiredService<TelegramOptions>());
        Assert.False(provider.GetRequiredService<TelegramOptions>().LinkPreviews);
    }

    [Theory]
    [InlineData("NewsBot:Telegram:BotToken", "not a token")]
    [InlineData("NewsBot:Telegram:PollTimeoutSeconds", "90")]
    [InlineData("NewsBot:Telegram:Pacing:MessagesPerSecond", "0")]
    public async Task An_invalid_value_stops_the_start_with_a_message_naming_its_key(string key, string value)
    {
        await using var provider = Provider(new() { ["NewsBot:Telegram:BotToken"] = "123456:ABC", [key] = value });

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(key, e.Message);
        Assert.DoesNotContain("not a token", e.Message); // the token itself is never repeated
    }
}
