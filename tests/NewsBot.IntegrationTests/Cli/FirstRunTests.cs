using System.Diagnostics;
using NewsBot.IntegrationTests.Infrastructure;

namespace NewsBot.IntegrationTests.Cli;

/// <summary>What a new user sees: the service started with no configuration beyond the shipped demo.</summary>
[Collection(HostCollection.Name)]
public sealed class FirstRunTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("newsbot-firstrun-").FullName;

    [Fact]
    public async Task First_run_prints_the_demo_ceasefire_alert_and_stops_on_ctrl_c()
    {
        var clock = Stopwatch.StartNew();
        // Any free port: the default 127.0.0.1:5080 may be taken on the machine running the tests.
        using var process = NewsBotProcess.Start(_workDir, "--urls=http://127.0.0.1:0");
        await Eventually.TrueAsync(() => process.StandardOutput.Contains("ceasefire talks") || process.HasExited,
            TimeSpan.FromSeconds(30), "the demo alert is printed");
        var firstAlert = clock.Elapsed;
        Assert.False(process.HasExited, process.StandardError);
        output.WriteLine($"first alert after {firstAlert.TotalSeconds:0.0} s");
        Assert.Contains("Exclusive: Progress is being made in ceasefire talks", process.StandardOutput);
        Assert.Contains("matched: ceasefire", process.StandardOutput);
        Assert.True(File.Exists(Path.Combine(_workDir, "data", "newsbot.db")), "the SQLite database is created under data/");

        clock.Restart();
        process.Interrupt();
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(10)), "stops within 10 s of Ctrl+C");
        output.WriteLine($"stopped {clock.Elapsed.TotalSeconds:0.0} s after Ctrl+C");
        Assert.Equal(0, process.ExitCode);
        Assert.DoesNotContain("Exception", process.StandardError + process.StandardOutput);
    }

    [Fact]
    public async Task Invalid_configuration_stops_start_up_with_a_message_naming_the_key()
    {
        var (exitCode, stdout, stderr) = await NewsBotProcess.RunAsync(_workDir, "--NewsBot:Sources:DefaultPollInterval=00:00:00.2");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("NewsBot:Sources:DefaultPollInterval", stderr + stdout);
        Assert.DoesNotContain("   at ", stderr); // a message, not a stack trace
    }

    [Fact]
    public async Task Unparsable_configuration_value_names_the_key()
    {
        var (exitCode, stdout, stderr) = await NewsBotProcess.RunAsync(_workDir, "--NewsBot:Sources:DefaultPollInterval=often");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("NewsBot:Sources:DefaultPollInterval", stderr + stdout);
        Assert.DoesNotContain("   at ", stderr);
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);
}
