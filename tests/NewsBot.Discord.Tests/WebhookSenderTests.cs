using NewsBot.Core.Alerts;
using NewsBot.Discord.Sending;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>Delivery to a Discord webhook URL (resources/webhook.mdx "Execute Webhook").</summary>
public sealed class WebhookSenderTests(ITestOutputHelper output)
{
    private static readonly AlertContent Alert = new("Headline", "Summary.", "Wire", null, "https://news.example/a", ["storm"]);

    [Fact]
    public async Task Alert_posts_one_embed_to_the_webhook_without_the_bot_token()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        var url = rig.Server.CreateWebhook();

        var outcome = await new DiscordWebhookSender(rig.Rest).SendAsync(url, Alert, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var message = Assert.Single(rig.Server.Messages);
        Assert.StartsWith("webhook:", message.Target);
        Assert.Equal("Headline", message.Body.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal("", Assert.Single(rig.Server.Requests).Authorization);
    }

    [Fact]
    public async Task Deleted_webhook_is_gone_and_the_reason_hides_its_token()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        var url = rig.Server.CreateWebhook();
        rig.Server.DeleteWebhook(url);

        var outcome = await new DiscordWebhookSender(rig.Rest).SendAsync(url, Alert, CancellationToken.None);

        var gone = Assert.IsType<SendOutcome.ChatGone>(outcome);
        Assert.Contains("10015", gone.Reason);
        Assert.DoesNotContain(url.Split('/')[^1], gone.Reason);
    }

    [Theory]
    [InlineData("https://discord.com/api/webhooks/123456789012345678/abcDEF_-123", "123456789012345678")]
    [InlineData("https://discordapp.com/api/webhooks/1/tok", "1")]
    [InlineData("https://discord.com/api/v10/webhooks/42/tok", "42")]
    [InlineData("https://discord.com/api/webhooks/notanid/tok", null)]
    [InlineData("https://discord.com/api/webhooks/1", null)]
    [InlineData("ftp://discord.com/api/webhooks/1/tok", null)]
    [InlineData("not a url", null)]
    public void Webhook_urls_are_split_into_id_and_token(string url, string? id) =>
        Assert.Equal(id, WebhookUrl.TryParse(url)?.Id);
}
