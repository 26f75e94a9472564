using NewsBot.Core.Platforms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Core.Alerts;
using NewsBot.Core.Commands;
using NewsBot.Telegram.Intake;
using NewsBot.Telegram.Sending;
using NewsBot.TestKit.Telegram;

namespace NewsBot.Telegram.Tests;

public class TelegramServiceCollectionTests
{
    [Fact]
    public async Task The_registered_adapter_starts_and_sends_through_one_shared_pacer()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<ICommandExecutor, RecordingExecutor>()
            .AddTelegramAdapter(new TelegramOptions { BotToken = server.Token, ApiBaseUrl = server.BaseUrl });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        await provider.GetRequiredService<TelegramBotStartup>().StartAsync(default);
        var sender = provider.GetRequiredService<IChatPlatform>();
        Assert.Equal("telegram", sender.Name);
        Assert.IsType<SendOutcome.Sent>(await sender.SendAsync("42", new AlertContent("H", "S", "Src", null, null, []), default));
        Assert.Same(provider.GetRequiredService<TelegramPacer>(), provider.GetRequiredService<TelegramPacer>());
        Assert.NotNull(provider.GetRequiredService<TelegramPolling>());
        Assert.NotNull(provider.GetRequiredService<TelegramWebhook>());
    }
}
