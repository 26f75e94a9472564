using NewsBot.Storage.Entities;
using NewsBot.Tests.Application;

namespace NewsBot.Tests.Commands;

/// <summary>/add and /test explain a filter's <c>outlets:N</c> in words, the same for every platform (they share these replies).</summary>
public sealed class CoveragePreviewTests : IAsyncLifetime
{
    private ApplicationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ApplicationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<Chat> ChatAsync()
    {
        await using var db = _world.Db();
        return await _world.Chats.FindOrCreateAsync(db, "telegram", "100", "100", default);
    }

    private async Task<string> AddAsync(Chat chat, string filter)
    {
        await using var db = _world.Db();
        return (await _world.FilterCommands.AddAsync(db, chat, filter, "telegram:7", default)).Text;
    }

    [Fact]
    public async Task Add_explains_that_a_coverage_filter_waits_for_that_many_outlets_and_names_them()
    {
        var chat = await ChatAsync();

        var reply = await AddAsync(chat, "outlets:3 Ceasefire");

        Assert.StartsWith("Added filter 1: ceasefire outlets:3\n" +
            "It alerts only when 3 different outlets (news sites) report the same story, and the alert then names them all.\n\n", reply);
    }

    [Fact]
    public async Task Add_of_a_filter_without_coverage_term_says_nothing_about_outlets()
    {
        var chat = await ChatAsync();

        var reply = await AddAsync(chat, "ceasefire");

        Assert.StartsWith("Added filter 1: ceasefire\n\n", reply);
        Assert.DoesNotContain("outlets", reply);
    }

    [Fact]
    public async Task Add_refuses_a_misplaced_coverage_term_saying_where_it_goes()
    {
        var chat = await ChatAsync();

        var reply = await AddAsync(chat, "ceasefire OR outlets:3");

        Assert.StartsWith("That filter has a problem: outlets: counts the outlets of the whole story, so it goes beside the rest of the filter", reply);
    }

    [Fact]
    public async Task Test_says_which_matches_wait_for_more_outlets()
    {
        var chat = await ChatAsync();
        await AddAsync(chat, "ceasefire outlets:3");
        await AddAsync(chat, "ceasefire");
        await AddAsync(chat, "outlets:2");
        await AddAsync(chat, "football outlets:2");

        await using var db = _world.Db();
        var reply = (await _world.FilterCommands.TestAsync(db, chat, "Ceasefire agreed in Gaza", default)).Text;

        Assert.Equal(
            "1. ceasefire outlets:3 — matches (ceasefire); it alerts once 3 different outlets report this story, naming them all\n" +
            "2. ceasefire — matches (ceasefire)\n" +
            "3. outlets:2 — matches; it alerts once 2 different outlets report this story, naming them all\n" +
            "4. football outlets:2 — no match",
            reply);
    }
}
