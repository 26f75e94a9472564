using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Platforms;
using NewsBot.Pipeline.Deliver.Notices;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Deliver.Notices;

public sealed class SourceNoticeRecipientsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    private static ScriptedPlatform Bot(params PlatformRecipient[] admins) => new("bot", needsLeader: true) { AdminRecipients = admins };

    private static ScriptedPlatform Console() => new("screen", canMessageUser: false) { AdminRecipients = [new("screen-admin", IsUser: false)] };

    [Fact]
    public async Task Admins_are_the_ones_the_bots_name_and_a_user_is_reached_privately()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var outbox = new OutboxHarness(database, _time, Bot(new("7", IsUser: true), new("8", IsUser: false)), Console());

        var admins = outbox.Get<SourceNoticeRecipients>().Admins();

        Assert.Equal([new NoticeRecipient("bot", SourceNotice.UserTargetPrefix + "7", null), new NoticeRecipient("bot", "8", null)], admins);
    }

    [Fact]
    public async Task The_console_stands_in_only_when_no_platform_names_an_admin()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var outbox = new OutboxHarness(database, _time, Bot(), Console());

        Assert.Equal([new NoticeRecipient("screen", "screen-admin", null)], outbox.Get<SourceNoticeRecipients>().Admins());
    }

    [Fact]
    public async Task A_notice_to_a_user_goes_privately_where_the_platform_can_and_fails_with_the_reason_where_it_cannot()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bot = Bot();
        var console = Console();
        await using var outbox = new OutboxHarness(database, _time, bot, console);
        var toBot = await outbox.AddNoticeAsync("bot", SourceNotice.UserTargetPrefix + "7", chatId: null);
        var toConsole = await outbox.AddNoticeAsync("screen", SourceNotice.UserTargetPrefix + "7", chatId: null);

        Assert.Equal(1, await outbox.SendNoticesAsync());

        Assert.Equal([("user 7", "feed 'Wire' has been failing")], bot.Attempts);
        Assert.Equal(AlertStatus.Sent, (await outbox.NoticeAsync(toBot.Id)).Status);
        var refused = await outbox.NoticeAsync(toConsole.Id);
        Assert.Equal(AlertStatus.Failed, refused.Status);
        Assert.Equal("screen cannot send to a user id", refused.LastError);
        Assert.Empty(console.Attempts);
    }
}
