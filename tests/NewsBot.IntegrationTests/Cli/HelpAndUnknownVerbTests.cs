using NewsBot.IntegrationTests.Infrastructure;

namespace NewsBot.IntegrationTests.Cli;

/// <summary>`--help`, `--version` and typos, as an operator meets them: nothing starts, nothing is created.</summary>
[Collection(HostCollection.Name)]
public sealed class HelpAndUnknownVerbTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("newsbot-help-").FullName;

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_prints_the_verbs_and_exits_without_starting_the_service(string arg)
    {
        var (exitCode, stdout, stderr) = await NewsBotProcess.RunAsync(_workDir, arg);
        Assert.Equal(0, exitCode);
        Assert.Contains("preview", stdout);
        Assert.Contains("sources", stdout);
        Assert.Equal("", stderr);
        AssertNoDatabase();
    }

    [Fact]
    public async Task Version_prints_the_version_and_exits_without_starting_the_service()
    {
        var (exitCode, stdout, _) = await NewsBotProcess.RunAsync(_workDir, "--version");
        Assert.Equal(0, exitCode);
        Assert.StartsWith("0.", stdout.Trim(), StringComparison.Ordinal);
        AssertNoDatabase();
    }

    [Fact]
    public async Task An_unknown_verb_prints_usage_and_exits_2()
    {
        var (exitCode, stdout, stderr) = await NewsBotProcess.RunAsync(_workDir, "frobnicate");
        Assert.Equal(2, exitCode);
        Assert.Contains("unknown verb 'frobnicate'", stderr);
        Assert.Contains("preview", stderr);
        Assert.Equal("", stdout);
        AssertNoDatabase();
    }

    private void AssertNoDatabase()
    {
        Assert.False(Directory.Exists(Path.Combine(_workDir, "data")), "no data/ folder");
        Assert.Empty(Directory.GetFiles(_workDir, "*.db", SearchOption.AllDirectories));
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);
}
