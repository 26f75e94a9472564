using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsBot.Application.Sources;
using NewsBot.Cli;
using NewsBot.Core.Commands;

namespace NewsBot.Tests.Application.Sources;

/// <summary>
/// Chat commands, the CLI, the admin console and OPML import used to add sources with rules of their
/// own: the CLI named an untitled feed for its whole URL, compared addresses as typed, and stamped
/// rows with the machine's clock. They now share <see cref="SourceAdder"/>; these tests add the same
/// kinds of feed through each caller and expect the same outcome.
/// </summary>
public sealed class SourceRulesAgreeAcrossCallersTests : IAsyncLifetime
{
    private ApplicationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ApplicationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<string> ViaChatAsync(string url)
    {
        await using var db = _world.Db();
        return (await _world.SourceCommands.AddAsync(db, new ChatCommand.AddSource(new Uri(url)), default)).Text;
    }

    private async Task<(int ExitCode, string Error)> ViaCliAsync(string url)
    {
        await using var db = _world.Db();
        var error = new StringWriter();
        var exit = await SourcesCommand.AddAsync(_world.Adder, db, new SourceDraft(url), TextWriter.Null, error, default);
        return (exit, error.ToString());
    }

    /// <summary>What the admin console's preview offers as the name and refuses, before its save step.</summary>
    private async Task<SourceAddResult> ViaAdminPreviewAsync(string url)
    {
        await using var db = _world.Db();
        return await _world.Adder.CheckAsync(db, new SourceDraft(url, ""), SourceOrigin.Remote, default);
    }

    private Task<Admin.OpmlImporter.Summary> ViaOpmlAsync(params string[] urls)
    {
        var outlines = string.Concat(urls.Select(u => $"""<outline type="rss" xmlUrl="{System.Security.SecurityElement.Escape(u)}"/>"""));
        var opml = $"""<?xml version="1.0"?><opml version="2.0"><head/><body>{outlines}</body></opml>""";
        return _world.Opml.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(opml)), default);
    }

    private async Task<Dictionary<string, string>> NamesByUrlAsync()
    {
        await using var db = _world.Db();
        return await db.Sources.ToDictionaryAsync(s => s.Url, s => s.Name);
    }

    [Fact]
    public async Task An_untitled_feed_gets_its_host_as_name_from_chat_CLI_admin_and_OPML()
    {
        var chat = _world.ServeFeed("chat.xml", title: null);
        var cli = _world.ServeFeed("cli.xml", title: null);
        var admin = _world.ServeFeed("admin.xml", title: null);
        var opml = _world.ServeFeed("opml.xml", title: null);
        var host = new Uri(chat).Host;

        await ViaChatAsync(chat);
        Assert.Equal(0, (await ViaCliAsync(cli)).ExitCode);
        var preview = Assert.IsType<SourceAddResult.Readable>(await ViaAdminPreviewAsync(admin));
        await ViaOpmlAsync(opml);

        var names = await NamesByUrlAsync();
        Assert.Equal(host, names[chat]);
        Assert.Equal(host, names[cli]);
        Assert.Equal(host, preview.Name);
        Assert.Equal(host, names[opml]);
    }

    [Fact]
    public async Task A_feed_spelled_differently_from_the_stored_one_is_a_duplicate_for_every_caller()
    {
        var url = _world.ServeFeed("feed.xml", "Harbour News");
        await ViaChatAsync(url);
        var shouted = url.Replace("http://", "HTTP://", StringComparison.Ordinal);

        Assert.Contains("already source #1", await ViaChatAsync(shouted));
        var (exit, error) = await ViaCliAsync(shouted);
        Assert.Equal(1, exit);
        Assert.Contains("already exists", error);
        Assert.IsType<SourceAddResult.Duplicate>(await ViaAdminPreviewAsync(shouted));
        Assert.Single((await ViaOpmlAsync(shouted)).Skipped);
        Assert.Single(await NamesByUrlAsync());
    }

    [Fact]
    public async Task A_scheme_refused_by_one_caller_is_refused_by_all_of_them()
    {
        const string ftp = "ftp://127.0.0.1/feed.xml";

        Assert.Contains("must be http:// or https://", await ViaChatAsync(ftp));
        var (exit, error) = await ViaCliAsync(ftp);
        Assert.Equal(1, exit);
        Assert.Contains("not an http(s) URL", error);
        Assert.Equal(SourceProblem.NotWeb, Assert.IsType<SourceAddResult.Invalid>(await ViaAdminPreviewAsync(ftp)).Problem);
        Assert.Equal("not an http:// or https:// URL", Assert.Single((await ViaOpmlAsync(ftp)).Failed).Reason);
        Assert.Empty(await NamesByUrlAsync());
    }

    [Fact]
    public async Task Every_caller_stamps_new_sources_with_the_injected_clock()
    {
        await ViaChatAsync(_world.ServeFeed("chat.xml", "Chat"));
        await ViaCliAsync(_world.ServeFeed("cli.xml", "Cli"));
        await ViaOpmlAsync(_world.ServeFeed("opml.xml", "Opml"));

        await using var db = _world.Db();
        var stamps = await db.Sources.Select(s => new { s.CreatedAt, s.NextPollAt }).ToListAsync();
        Assert.Equal(3, stamps.Count);
        Assert.All(stamps, s => Assert.Equal((ApplicationWorld.Start.UtcDateTime, ApplicationWorld.Start.UtcDateTime), (s.CreatedAt, s.NextPollAt)));
    }
}
