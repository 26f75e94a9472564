using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage.Entities;
using NewsBot.TestKit.Discord;

namespace NewsBot.IntegrationTests.Discord;

/// <summary>
/// Members' personal filters in a Discord server channel (/news follow, following, unfollow), through the real
/// host and the fake Discord: a DM when the member can be messaged, else a mention pinging exactly the members
/// whose filters matched, and nothing once a member left the server.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DiscordPersonalAlertsTests : IAsyncLifetime
{
    private const string Guild = "1200000000000000001", Channel = "1300000000000000001";
    private const string Bob = "1400000000000000011", Carol = "1400000000000000012", Dave = "1400000000000000013";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-dcp-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;
    private FakeDiscordServer _discord = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddDays(-1));
        _discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 2000 });
        _discord.AddGuildChannel(Channel, Guild);
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private async Task<TestHost> StartAsync()
    {
        var settings = new Dictionary<string, string?>(_site.SeedSource())
        {
            ["NewsBot:Discord:BotToken"] = _discord.Options.BotToken,
            ["NewsBot:Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
            ["NewsBot:Discord:GatewayUrl"] = _discord.GatewayUrl,
        };
        var host = await TestHost.StartAsync(_dbPath, settings);
        await host.WaitForFirstFetchAsync(Wait);
        await Eventually.TrueAsync(() => !_discord.Commands.IsEmpty, Wait, "the slash commands are registered");
        return host;
    }

    private async Task<string> SlashAsync(FakeInteraction interaction)
    {
        var record = await _discord.Gateway.PushInteractionAsync(interaction);
        var callback = await record.Callback.WaitAsync(Wait);
        var data = callback.GetProperty("data");
        if (callback.GetProperty("type").GetInt32() == 5) data = await record.OriginalEdit.WaitAsync(Wait);
        return data.GetProperty("content").GetString()!;
    }

    private static FakeInteraction Follow(string user, string filter) =>
        new("news", "follow", new Dictionary<string, object> { ["filter"] = filter }) { UserId = user };

    /// <summary>The fake opens DM channel "19…" for user "14…" (same digits after the first two).</summary>
    private static string DmOf(string user) => "19" + user[2..];

    [Fact]
    public async Task A_member_without_manage_channels_follows_and_gets_a_dm_while_the_channel_gets_nothing()
    {
        await using var host = await StartAsync();
        Assert.Contains("Only this group's administrators", await SlashAsync(new FakeInteraction("news", "add", new Dictionary<string, object> { ["filter"] = "ceasefire" }) { UserId = Bob }));
        var reply = await SlashAsync(Follow(Bob, "ceasefire"));
        Assert.Contains("You follow 1: ceasefire", reply);
        Assert.Contains("/news following", await SlashAsync(new FakeInteraction("news", "unfollow", new Dictionary<string, object> { ["number"] = 3 }) { UserId = Bob }));
        Assert.Contains("1. ceasefire", await SlashAsync(new FakeInteraction("news", "following") { UserId = Bob }));

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => _discord.Messages.Any(m => m.Target == DmOf(Bob)), Wait, "the member's DM gets the alert");
        await host.WaitUntilQuietAsync(_site, Wait);
        Assert.DoesNotContain(_discord.Messages, m => m.Target == Channel);
    }

    [Fact]
    public async Task Members_who_cannot_be_dmed_are_mentioned_in_one_message_that_pings_exactly_them()
    {
        await using var host = await StartAsync();
        _discord.FailChannel("user:" + Carol, 400, 50007, "Cannot send messages to this user"); // Create DM refused: mention only
        Assert.Contains("I can't message you privately, so I'll mention you here", await SlashAsync(Follow(Carol, "ceasefire")));
        await SlashAsync(Follow(Dave, "ceasefire talks"));
        _discord.FailChannel(DmOf(Dave), 403, 50007, "Cannot send messages to this user"); // DMs closed after following

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.MemberMentions.CountAsync(m => m.Status == AlertStatus.Sent) == 2;
        }, Wait, "both members are mentioned");
        var mention = Assert.Single(_discord.Messages, m => m.Target == Channel);
        var content = mention.Body.GetProperty("content").GetString()!;
        Assert.Contains($"<@{Carol}>", content);
        Assert.Contains($"<@{Dave}>", content);
        Assert.Contains("Progress is being made in ceasefire talks", content); // markdown-escaped as a digest line is
        var allowed = mention.Body.GetProperty("allowed_mentions");
        Assert.Empty(allowed.GetProperty("parse").EnumerateArray());
        Assert.Equal([Carol, Dave], allowed.GetProperty("users").EnumerateArray().Select(u => u.GetString()!).Order().ToArray());
    }

    [Fact]
    public async Task A_member_who_left_the_server_gets_nothing()
    {
        await using var host = await StartAsync();
        await SlashAsync(Follow(Bob, "ceasefire"));
        _discord.RemoveGuildMember(Guild, Bob);

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Alerts.AnyAsync(a => a.Status == AlertStatus.Failed);
        }, Wait, "the personal alert is dropped");
        await host.WaitUntilQuietAsync(_site, Wait);
        Assert.DoesNotContain(_discord.Messages, m => m.Target == DmOf(Bob) || m.Target == Channel);
    }
}
