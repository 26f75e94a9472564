using Microsoft.EntityFrameworkCore;
using NewsBot.Application.Filters;
using NewsBot.Core.Filters;
using NewsBot.Storage.Entities;

namespace NewsBot.Tests.Application.Filters;

public sealed class ChatFiltersTests : IAsyncLifetime
{
    private static readonly FilterLimits Limits = FilterLimits.Default with { MaxFiltersPerChat = 2, MaxFiltersPerUser = 3 };
    private ApplicationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ApplicationWorld.StartAsync(Limits);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<Chat> ChatAsync(string id)
    {
        await using var db = _world.Db();
        return await _world.Chats.FindOrCreateAsync(db, "telegram", id, id, default);
    }

    private async Task<FilterAddResult> AddAsync(Chat chat, string text, string? addedBy = "telegram:7")
    {
        await using var db = _world.Db();
        return await _world.Filters.AddAsync(db, chat, text, addedBy, default);
    }

    private static ArticleText Article(string text) => new(text, text, "", null);

    [Fact]
    public async Task An_added_filter_is_stored_as_typed_numbered_and_matches_at_once()
    {
        var chat = await ChatAsync("100");

        var added = Assert.IsType<FilterAddResult.Added>(await AddAsync(chat, "  Ceasefire -football "));

        Assert.Equal((1, "ceasefire -football"), (added.Number, added.Filter.Normalized));
        Assert.Equal(("Ceasefire -football", "telegram:7", ApplicationWorld.Start.UtcDateTime), (added.Row.Text, added.Row.AddedBy, added.Row.CreatedAt));
        Assert.Single(_world.Index.Index.Match(Article("Ceasefire agreed")));
    }

    [Fact]
    public async Task A_filter_the_language_refuses_is_not_stored()
    {
        var chat = await ChatAsync("100");
        var invalid = Assert.IsType<FilterAddResult.Invalid>(await AddAsync(chat, "\"two-state solution"));
        Assert.Contains("unclosed quote", invalid.Message);
        await using var db = _world.Db();
        Assert.False(await db.Filters.AnyAsync());
    }

    [Fact]
    public async Task A_filter_meaning_the_same_as_one_the_chat_has_is_a_duplicate()
    {
        var chat = await ChatAsync("100");
        await AddAsync(chat, "ceasefire");
        Assert.Equal("ceasefire", Assert.IsType<FilterAddResult.Duplicate>(await AddAsync(chat, "CEASEFIRE")).Normalized);
    }

    [Fact]
    public async Task The_per_chat_and_per_sender_limits_of_the_options_hold()
    {
        var first = await ChatAsync("100");
        var second = await ChatAsync("200");
        await AddAsync(first, "one");
        await AddAsync(first, "two");
        Assert.Equal(2, Assert.IsType<FilterAddResult.ChatFull>(await AddAsync(first, "three")).Count);

        await AddAsync(second, "three");
        Assert.Equal(3, Assert.IsType<FilterAddResult.SenderFull>(await AddAsync(second, "four")).Count);
        Assert.IsType<FilterAddResult.Added>(await AddAsync(second, "four", addedBy: "telegram:8")); // another admin of the same chat
    }

    [Fact]
    public async Task Removing_by_number_takes_the_filter_out_of_the_database_and_the_index()
    {
        var chat = await ChatAsync("100");
        await AddAsync(chat, "storm");
        await AddAsync(chat, "harbour");
        await using var db = _world.Db();

        var removed = Assert.IsType<FilterRemoveResult.Removed>(await _world.Filters.RemoveNumberAsync(db, chat.Id, 1, default));

        Assert.Equal("storm", removed.Row.Text);
        Assert.Empty(_world.Index.Index.Match(Article("storm warning")));
        Assert.Equal(["harbour"], (await _world.Filters.ListAsync(db, chat.Id, default)).Select(f => f.Text));
        Assert.Equal(1, Assert.IsType<FilterRemoveResult.NoSuchNumber>(await _world.Filters.RemoveNumberAsync(db, chat.Id, 2, default)).Count);
    }

    [Fact]
    public async Task Removing_by_id_only_removes_a_filter_of_that_chat()
    {
        var chat = await ChatAsync("100");
        var other = await ChatAsync("200");
        var row = Assert.IsType<FilterAddResult.Added>(await AddAsync(chat, "storm")).Row;
        await using var db = _world.Db();

        Assert.Null(await _world.Filters.RemoveByIdAsync(db, other.Id, row.Id, default));
        Assert.Single(_world.Index.Index.Match(Article("storm")));
        Assert.Equal("storm", (await _world.Filters.RemoveByIdAsync(db, chat.Id, row.Id, default))!.Text);
        Assert.Empty(_world.Index.Index.Match(Article("storm")));
    }
}
