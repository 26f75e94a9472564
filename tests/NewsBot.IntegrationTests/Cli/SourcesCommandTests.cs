using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.TestKit;

namespace NewsBot.IntegrationTests.Cli;

/// <summary>
/// `sources add` as an operator runs it, against a feed on loopback. The CLI used to name an untitled
/// feed for its whole URL and to compare addresses as typed; it now follows the rules every other
/// way of adding a source follows (the host's name; one source per feed however it is spelled).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SourcesCommandTests : IAsyncLifetime
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("newsbot-sources-").FullName;
    private LoopbackHttpServer _site = null!;

    public async Task InitializeAsync()
    {
        _site = await LoopbackHttpServer.StartAsync();
        _site.MapContent("untitled.xml", """
            <?xml version="1.0"?><rss version="2.0"><channel><link>https://example.org/</link>
            <item><guid>one</guid><title>Harbour reopens</title><link>https://example.org/one</link></item>
            </channel></rss>
            """);
        // The feed is on loopback; an operator's appsettings.json in the working directory allows it.
        await File.WriteAllTextAsync(Path.Combine(_workDir, "appsettings.json"), """{ "NewsBot": { "Sources": { "AllowPrivateAddresses": true } } }""");
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_workDir, recursive: true);
    }

    [Fact]
    public async Task An_untitled_feed_is_named_for_its_host_and_another_spelling_of_it_is_a_duplicate()
    {
        var url = _site.Url("untitled.xml").ToString();

        var (added, _, addErr) = await NewsBotProcess.RunAsync(_workDir, "sources", "add", url);
        Assert.True(added == 0, addErr);
        var (_, list, _) = await NewsBotProcess.RunAsync(_workDir, "sources", "list");
        Assert.Contains($"   1  {new Uri(url).Host}  {url}", list);

        var (again, _, againErr) = await NewsBotProcess.RunAsync(_workDir, "sources", "add", url.Replace("http://", "HTTP://", StringComparison.Ordinal));
        Assert.Equal(1, again);
        Assert.Contains("already exists", againErr);
    }
}
