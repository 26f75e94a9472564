using NewsBot.Discord.Interactions;
using NewsBot.Discord.Sending;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>/newsadmin addwebhook checks the pasted URL with Get Webhook with Token (resources/webhook.mdx) and never echoes the token.</summary>
public sealed class WebhookCheckTests(ITestOutputHelper output)
{
    /// <summary>The fake's webhook URL as Discord shows it to users: https://discord.com/api/webhooks/{id}/{token}.</summary>
    private static string AsPasted(string fakeUrl) => "https://discord.com/api/webhooks/" + string.Join('/', fakeUrl.Split('/')[^2..]);

    [Fact]
    public async Task An_existing_webhook_is_confirmed_with_its_name()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        var url = AsPasted(rig.Server.CreateWebhook("Newsroom"));

        var result = await WebhookCheck.RunAsync(rig.Rest, url, CancellationToken.None);

        Assert.Null(result.Problem);
        Assert.Equal("Newsroom", result.Info!.Name);
        Assert.Equal(url, result.Url!.Canonical);
    }

    [Theory]
    [InlineData("deleted", "10015: Unknown Webhook")]
    [InlineData("wrong-token", "50027: Invalid Webhook Token")]
    public async Task A_webhook_discord_does_not_know_is_refused_without_echoing_the_token(string kind, string expected)
    {
        await using var rig = await DiscordRig.StartAsync(output);
        var url = AsPasted(rig.Server.CreateWebhook());
        if (kind == "deleted") rig.Server.DeleteWebhook(url);
        else url = url[..url.LastIndexOf('/')] + "/whSecret-forged0token";

        var result = await WebhookCheck.RunAsync(rig.Rest, url, CancellationToken.None);

        Assert.Contains(expected, result.Problem);
        Assert.Contains("Nothing was added", result.Problem);
        Assert.DoesNotContain("whSecret", result.Problem);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("http://discord.com/api/webhooks/1234/whSecret-abc")] // not https
    [InlineData("https://evil.example/api/webhooks/1234/whSecret-abc")] // not Discord
    [InlineData("https://discord.com/api/webhooks/1234")] // token missing
    [InlineData("https://discord.com/channels/1234/5678")]
    public async Task A_url_that_is_not_a_discord_webhook_is_refused_before_asking_discord(string pasted)
    {
        await using var rig = await DiscordRig.StartAsync(output);

        var result = await WebhookCheck.RunAsync(rig.Rest, pasted, CancellationToken.None);

        Assert.Contains("not a Discord webhook URL", result.Problem);
        Assert.DoesNotContain("whSecret", result.Problem);
        Assert.Empty(rig.Server.Requests);
    }

    [Theory]
    [InlineData("https://discord.com/api/webhooks/1234/whSecret-abc", "https://discord.com/api/webhooks/1234/••••")]
    [InlineData("1300000000000000001", "1300000000000000001")]
    public void Webhook_chat_ids_are_masked_for_display(string externalId, string shown) =>
        Assert.Equal(shown, WebhookUrl.MaskIfWebhook(externalId));
}
