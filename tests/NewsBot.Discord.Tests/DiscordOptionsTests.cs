namespace NewsBot.Discord.Tests;

/// <summary>Configuration mistakes are reported with the key to fix, and the token is never printed.</summary>
public sealed class DiscordOptionsTests
{
    [Fact]
    public void Complete_configuration_has_no_problems() =>
        Assert.Empty(new DiscordOptions { BotToken = "abc.def.ghi", GuildIds = ["1200000000000000001"], AdminUserIds = ["1400000000000000001"] }.Validate());

    [Theory]
    [InlineData("", null, null, null, "NewsBot:Discord:BotToken is required")]
    [InlineData("Bot abc", null, null, null, "NewsBot:Discord:BotToken must be the bare token")]
    [InlineData("abc", "discord.com/api", null, null, "NewsBot:Discord:ApiBaseUrl 'discord.com/api' is not an http(s) URL")]
    [InlineData("abc", null, "https://gateway.discord.gg", null, "NewsBot:Discord:GatewayUrl 'https://gateway.discord.gg' is not a ws(s) URL")]
    [InlineData("abc", null, null, "my-server", "NewsBot:Discord:GuildIds entry 'my-server' is not a Discord id")]
    public void Each_mistake_names_its_key(string token, string? api, string? gateway, string? guild, string expected)
    {
        var options = new DiscordOptions { BotToken = token, GatewayUrl = gateway, GuildIds = guild is null ? [] : [guild] };
        if (api is not null) options.ApiBaseUrl = api;

        Assert.StartsWith(expected, Assert.Single(options.Validate()));
    }

    [Fact]
    public void Description_never_shows_the_token()
    {
        var options = new DiscordOptions { BotToken = "MTk4NjIy.secret" };

        Assert.DoesNotContain("secret", options.ToString());
        Assert.Contains("token=set", options.ToString());
    }
}
