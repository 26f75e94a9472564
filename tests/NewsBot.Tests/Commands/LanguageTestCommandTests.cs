using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Commands;
using NewsBot.Configuration;
using NewsBot.Pipeline.Ingest;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Application;

namespace NewsBot.Tests.Commands;

/// <summary>/add and /test with <c>lang:</c> filters: the filter is shown back by its code, /test says the text's language.</summary>
public sealed class LanguageTestCommandTests : IAsyncLifetime
{
    private ApplicationWorld _world = null!;
    private FilterCommands _commands = null!;

    public async Task InitializeAsync()
    {
        _world = await ApplicationWorld.StartAsync();
        var detector = new ArticleLanguageDetector(_world.Index, Options.Create(new LanguageOptions { AlsoConsider = ["en", "ar", "fa", "fr"] }),
            NullLogger<ArticleLanguageDetector>.Instance);
        _commands = new FilterCommands(_world.Filters, new FilterPreview(new CommandOptions(), _world.Time), detector);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<Chat> ChatAsync()
    {
        await using var db = _world.Db();
        return await _world.Chats.FindOrCreateAsync(db, "telegram", "100", "100", default);
    }

    [Fact]
    public async Task Test_names_the_language_of_the_text_and_matches_lang_filters_by_it()
    {
        var chat = await ChatAsync();
        await using var db = _world.Db();
        Assert.StartsWith("Added filter 1: lang:ar\n", (await _commands.AddAsync(db, chat, "LANG:Arabic", "telegram:7", default)).Text);
        await _commands.AddAsync(db, chat, "ceasefire -lang:en", "telegram:7", default);

        var arabic = (await _commands.TestAsync(db, chat, "اتفاق وقف إطلاق النار في غزة يدخل حيز التنفيذ", default)).Text;
        var english = (await _commands.TestAsync(db, chat, "Ceasefire talks resume in Cairo as mediators press both sides", default)).Text;

        Assert.Equal("Language of the text: Arabic (lang:ar)\n1. lang:ar — matches\n2. ceasefire -lang:en — no match", arabic);
        Assert.Equal("Language of the text: English (lang:en)\n1. lang:ar — no match\n2. ceasefire -lang:en — no match", english);
    }

    [Fact]
    public async Task Test_without_lang_filters_says_nothing_about_language()
    {
        var chat = await ChatAsync();
        await using var db = _world.Db();
        await _commands.AddAsync(db, chat, "ceasefire", "telegram:7", default);

        Assert.Equal("1. ceasefire — matches (ceasefire)", (await _commands.TestAsync(db, chat, "Ceasefire talks resume", default)).Text);
    }

    [Fact]
    public async Task Add_refuses_an_unknown_language_naming_valid_examples()
    {
        var chat = await ChatAsync();
        await using var db = _world.Db();

        var reply = (await _commands.AddAsync(db, chat, "ceasefire lang:xx", "telegram:7", default)).Text;

        Assert.StartsWith("That filter has a problem: unknown language 'xx' after lang: (use a two-letter ISO 639-1 code such as lang:en, lang:ar", reply);
    }
}
