using NewsBot.IntegrationTests.Infrastructure;

namespace NewsBot.IntegrationTests.Cli;

/// <summary>`preview` as an operator runs it: the real executable, exit codes, nothing written.</summary>
[Collection(HostCollection.Name)]
public sealed class PreviewTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("newsbot-preview-").FullName;
    private static string DemoFeed => Path.Combine(AppContext.BaseDirectory, "samples", "feeds", "demo.xml");

    [Fact]
    public async Task Preview_with_a_filter_prints_the_alert_it_would_send_and_writes_nothing()
    {
        var (exitCode, stdout, stderr) = await NewsBotProcess.RunAsync(_workDir, "preview", "--feed", DemoFeed, "--filter", "ceasefire");
        Assert.Equal(0, exitCode);
        Assert.Contains("Exclusive: Progress is being made in ceasefire talks", stdout);
        Assert.Contains("1 alert(s) for filter ceasefire", stdout);
        Assert.DoesNotContain("Premier League", stdout);
        Assert.Equal("", stderr);
        Assert.False(Directory.Exists(Path.Combine(_workDir, "data")), "preview must not create a database");
    }

    [Fact]
    public async Task Preview_without_a_filter_lists_every_item_with_its_utc_time()
    {
        var (exitCode, stdout, _) = await NewsBotProcess.RunAsync(_workDir, "preview", "--feed", DemoFeed);
        Assert.Equal(0, exitCode);
        Assert.Contains("4 items", stdout);
        Assert.Contains("2024-01-25 10:30 UTC", stdout); // Thu, 25 Jan 2024 12:30:00 +0200
        Assert.Contains("Premier League: late winner keeps title race open", stdout);
        Assert.Contains("https://news.example.org/weather/storm-power-cuts", stdout);
    }

    [Fact]
    public async Task Preview_of_a_malformed_filter_prints_the_position_and_fails()
    {
        var (exitCode, _, stderr) = await NewsBotProcess.RunAsync(_workDir, "preview", "--feed", DemoFeed, "--filter", "\"two-state solution");
        Assert.Equal(2, exitCode);
        Assert.Contains("unclosed quote at column 1", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task Preview_of_something_that_is_not_a_feed_fails_with_one_line()
    {
        var page = Path.Combine(_workDir, "page.html");
        await File.WriteAllTextAsync(page, "<!doctype html><html><body>hello</body></html>");
        var (exitCode, _, stderr) = await NewsBotProcess.RunAsync(_workDir, "preview", "--feed", page, "--feed", Path.Combine(_workDir, "missing.xml"));
        Assert.Equal(1, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("page.html", lines[0]);
        Assert.Contains("missing.xml", lines[1]);
    }

    [Fact]
    public async Task Sources_add_list_remove_work_on_the_database()
    {
        var (added, addOut, addErr) = await NewsBotProcess.RunAsync(_workDir, "sources", "add", DemoFeed, "--name", "Demo");
        Assert.True(added == 0, addErr);
        Assert.Contains("4 items", addOut);
        var (_, listOut, _) = await NewsBotProcess.RunAsync(_workDir, "sources", "list");
        Assert.Contains("Demo", listOut);
        var (again, _, againErr) = await NewsBotProcess.RunAsync(_workDir, "sources", "add", DemoFeed);
        Assert.Equal(1, again);
        Assert.Contains("already exists", againErr);
        var (removed, _, _) = await NewsBotProcess.RunAsync(_workDir, "sources", "remove", "1");
        Assert.Equal(0, removed);
        var (_, emptyOut, _) = await NewsBotProcess.RunAsync(_workDir, "sources", "list");
        Assert.DoesNotContain("Demo", emptyOut);
        var (missing, _, missingErr) = await NewsBotProcess.RunAsync(_workDir, "sources", "remove", "99");
        Assert.Equal(1, missing);
        Assert.Contains("no source with id 99", missingErr);
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);
}
