using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Filters;
using NewsBot.Discord.Sending;

namespace NewsBot.Tests.Application.Chats;

public sealed class ChatDirectoryTests : IAsyncLifetime
{
    private const string Hook = "https://discord.com/api/webhooks/123456789012345678/token-one";
    private ApplicationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ApplicationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_chat_is_created_once_per_platform_id_with_the_injected_clock()
    {
        await using var db = _world.Db();
        var first = await _world.Chats.FindOrCreateAsync(db, "telegram", "100", "Harbour group", default);
        _world.Time.Advance(TimeSpan.FromHours(1));
        await using var later = _world.Db();
        var again = await _world.Chats.FindOrCreateAsync(later, "telegram", "100", "renamed", default);
        var discord = await _world.Chats.FindOrCreateAsync(later, "discord", "100", "same id, other platform", default);

        Assert.Equal((first.Id, "Harbour group", ApplicationWorld.Start.UtcDateTime), (again.Id, again.Title, again.CreatedAt));
        Assert.NotEqual(first.Id, discord.Id);
    }

    [Fact]
    public async Task Forgetting_a_chat_deletes_it_with_its_filters_and_takes_them_out_of_the_index()
    {
        await using var db = _world.Db();
        var chat = await _world.Chats.FindOrCreateAsync(db, "telegram", "100", "t", default);
        await _world.Filters.AddAsync(db, chat, "storm", "telegram:7", default);

        Assert.True(await _world.Chats.ForgetAsync(db, "telegram", "100", default));

        Assert.Empty(_world.Index.Index.Match(new ArticleText("storm", "storm", "", null)));
        await using var check = _world.Db();
        Assert.False(await check.Chats.AnyAsync());
        Assert.False(await check.Filters.AnyAsync());
        Assert.False(await _world.Chats.ForgetAsync(check, "telegram", "100", default));
    }

    [Fact]
    public async Task Pause_and_reactivation_are_stored_and_reactivation_says_whether_the_chat_was_gone()
    {
        await using var db = _world.Db();
        var chat = await _world.Chats.FindOrCreateAsync(db, "telegram", "100", "t", default);
        await _world.Chats.SetPausedAsync(db, chat, true, default);
        chat.DeactivatedReason = "blocked by the user";
        await db.SaveChangesAsync();

        Assert.True(await _world.Chats.ReactivateAsync(db, chat, default));
        Assert.False(await _world.Chats.ReactivateAsync(db, chat, default));
        await using var check = _world.Db();
        var stored = await check.Chats.SingleAsync();
        Assert.Equal((true, null), (stored.Paused, stored.DeactivatedReason));
    }

    [Fact]
    public async Task A_webhook_is_one_chat_whatever_the_spelling_and_a_new_token_replaces_the_old()
    {
        await using var db = _world.Db();
        var (chat, created) = await _world.Chats.FindOrCreateWebhookAsync(db, Hook, "Alerts channel", default);
        Assert.True(created);

        var respelled = "https://discordapp.com/api/v10/webhooks/123456789012345678/token-two";
        await using var later = _world.Db();
        var (same, createdAgain) = await _world.Chats.FindOrCreateWebhookAsync(later, respelled, "ignored", default);

        Assert.Equal((chat.Id, false, "Alerts channel"), (same.Id, createdAgain, same.Title));
        await using var check = _world.Db();
        var stored = await check.Chats.SingleAsync();
        Assert.Equal((DiscordWebhookSender.PlatformName, respelled), (stored.Platform, stored.ExternalId));
    }
}
