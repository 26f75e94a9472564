using System.Text;
using NewsBot.Telegram.Intake;
using NewsBot.TestKit.Telegram;

namespace NewsBot.Telegram.Tests.Intake;

public class TelegramWebhookAndStartupTests
{
    [Theory]
    [InlineData("s3cret_token-ABC", true)]
    [InlineData("s3cret_token-ABD", false)]
    [InlineData("s3cret_token-AB", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public async Task Webhook_requests_need_the_exact_secret(string? header, bool accepted)
    {
        await using var t = await TelegramHarness.StartAsync();
        Assert.Equal(accepted, t.Webhook.IsValidWebhookSecret(header));
    }

    [Fact]
    public async Task Without_a_configured_secret_every_webhook_request_is_refused()
    {
        await using var t = await TelegramHarness.StartAsync(configure: o => o.WebhookSecret = null);
        Assert.False(t.Webhook.IsValidWebhookSecret(""));
        Assert.False(t.Webhook.IsValidWebhookSecret("anything"));
    }

    [Fact]
    public async Task A_webhook_update_is_handled_like_a_polled_one()
    {
        await using var t = await TelegramHarness.StartAsync();
        var body = FakeUpdates.Text(42, 42, "/help");
        body["update_id"] = 1;
        var update = await TelegramWebhook.ReadUpdateAsync(new MemoryStream(Encoding.UTF8.GetBytes(body.ToJsonString())), default);
        await t.Webhook.HandleAsync(update!, default);
        Assert.Contains("Commands:", Assert.Single(t.Server.SentMessages).Text);
        Assert.Null(await TelegramWebhook.ReadUpdateAsync(new MemoryStream("{not json"u8.ToArray()), default));
    }

    [Fact]
    public async Task Startup_sets_the_command_menu_and_clears_the_webhook_for_polling()
    {
        await using var t = await TelegramHarness.StartAsync();
        var me = await t.Startup.StartAsync(default);
        Assert.Equal("NewsBotTestBot", me.Username);
        var menus = t.Server.CallsTo("setMyCommands");
        Assert.Equal(2, menus.Count); // everyone, and the configured admin
        Assert.All(menus, m => Assert.Equal(200, m.Status));
        var publicMenu = menus[0].Parameters["commands"]!.AsArray().Select(c => c!["command"]!.ToString()).ToList();
        Assert.Contains("add", publicMenu);
        Assert.DoesNotContain("stats", publicMenu);
        Assert.DoesNotContain("mutestory", publicMenu); // typed by an alert's button, with the alert's id
        Assert.Contains("stats", menus[1].Parameters["commands"]!.AsArray().Select(c => c!["command"]!.ToString()));
        Assert.Single(t.Server.CallsTo("deleteWebhook"));
    }

    [Fact]
    public async Task Webhook_mode_registers_the_url_with_the_secret()
    {
        await using var t = await TelegramHarness.StartAsync(configure: o =>
        {
            o.Mode = TelegramIntakeMode.Webhook;
            o.WebhookUrl = "https://bot.example/telegram/webhook";
        });
        await t.Startup.StartAsync(default);
        var call = Assert.Single(t.Server.CallsTo("setWebhook"));
        Assert.Equal("https://bot.example/telegram/webhook", call.Text("url"));
        Assert.Equal("s3cret_token-ABC", call.Text("secret_token"));
        Assert.True(t.Server.WebhookActive);
    }

    [Fact]
    public async Task Webhook_mode_without_a_secret_refuses_to_start_and_names_the_key()
    {
        await using var t = await TelegramHarness.StartAsync(configure: o =>
        {
            o.Mode = TelegramIntakeMode.Webhook;
            o.WebhookUrl = "https://bot.example/telegram/webhook";
            o.WebhookSecret = "";
        });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => t.Startup.StartAsync(default));
        Assert.Contains("NewsBot:Telegram:WebhookSecret", error.Message);
    }
}
