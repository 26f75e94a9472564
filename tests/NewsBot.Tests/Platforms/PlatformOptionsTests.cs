using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsBot.Core.Alerts;
using NewsBot.Core.Platforms;
using NewsBot.Discord;
using NewsBot.Startup;
using NewsBot.Telegram;
using NewsBot.TestKit.Discord;
using NewsBot.TestKit.Telegram;

namespace NewsBot.Tests.Platforms;

/// <summary>
/// The host's composition of the chat adapters: each platform's options are bound once, validated at start,
/// and that one validated instance is what the platform uses (issue 14: a raw second copy was the one used).
/// </summary>
public sealed class PlatformOptionsTests
{
    private const string ClosedPort = "http://127.0.0.1:9";
    private static readonly AlertContent Alert = new("Headline", "Summary.", "Wire", null, "https://news.example/a", []);

    private static WebApplication Build(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        NewsBotHost.Build([], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["NewsBot:Database:Provider"] = "Sqlite",
                ["NewsBot:Database:ConnectionString"] = $"Data Source=platform-options-{Guid.NewGuid():N};Mode=Memory;Cache=Shared",
            });
            builder.Services.AddKeyedSingleton<TextWriter>("console", TextWriter.Null);
            services?.Invoke(builder.Services);
        });

    [Fact]
    public async Task Telegram_sends_with_the_validated_options_including_what_code_configured()
    {
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var app = Build(
            new() { ["NewsBot:Telegram:BotToken"] = telegram.Token, ["NewsBot:Telegram:ApiBaseUrl"] = ClosedPort },
            services => services.PostConfigure<TelegramOptions>(o => o.ApiBaseUrl = telegram.BaseUrl));

        var platform = app.Services.GetServices<IChatPlatform>().Single(p => p.Name == "telegram");
        var outcome = await platform.SendAsync("42", Alert, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Single(telegram.SentMessages);
    }

    [Fact]
    public async Task Discord_sends_with_the_validated_options_including_what_code_configured()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var app = Build(
            new() { ["NewsBot:Discord:BotToken"] = discord.Options.BotToken, ["NewsBot:Discord:ApiBaseUrl"] = ClosedPort + "/api/v10" },
            services => services.PostConfigure<DiscordOptions>(o => o.ApiBaseUrl = discord.ApiBaseUrl));

        var platform = app.Services.GetServices<IChatPlatform>().Single(p => p.Name == "discord");
        var outcome = await platform.SendAsync("1800000000000000001", Alert, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Single(discord.Messages);
    }

    [Theory]
    [InlineData("NewsBot:Telegram:BotToken", "not-a-bot-token", "NewsBot:Telegram:BotToken")]
    [InlineData("NewsBot:Telegram:PollTimeoutSeconds", "90", "NewsBot:Telegram:PollTimeoutSeconds")]
    [InlineData("NewsBot:Discord:GuildIds:0", "my-server", "NewsBot:Discord:GuildIds")]
    [InlineData("NewsBot:Discord:Webhooks:0:Url", "https://example.com/hook", "NewsBot:Discord:Webhooks:0:Url")]
    public async Task An_invalid_platform_value_stops_the_start_with_a_message_naming_its_key(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("NewsBot:Telegram:", StringComparison.Ordinal) && key != "NewsBot:Telegram:BotToken")
            settings["NewsBot:Telegram:BotToken"] = "123456:ABC";

        var e = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = Build(settings);
            await app.StartAsync();
        });

        Assert.Contains(named, string.Join("; ", e.Failures));
    }
}
