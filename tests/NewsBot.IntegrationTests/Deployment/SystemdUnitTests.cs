namespace NewsBot.IntegrationTests.Deployment;

/// <summary>deploy/systemd/newsbot.service read as systemd reads it (no systemd here to load it).</summary>
public sealed class SystemdUnitTests
{
    private static readonly ILookup<string, (string Key, string Value)> Unit = Parse(RepositoryFiles.Read("deploy/systemd/newsbot.service"));

    private static string Value(string section, string key) => Assert.Single(Unit[section], e => e.Key == key).Value;

    [Fact]
    public void Service_is_type_notify_and_the_host_can_notify()
    {
        Assert.Equal("notify", Value("Service", "Type"));
        // Type=notify waits for READY=1, which Microsoft.Extensions.Hosting.Systemd sends.
        Assert.Contains("Microsoft.Extensions.Hosting.Systemd", RepositoryFiles.Read("src/NewsBot/NewsBot.csproj"));
    }

    [Fact]
    public void ExecStart_runs_the_host_dll_as_an_unprivileged_user()
    {
        Assert.Matches(@"^/usr/bin/dotnet /opt/newsbot/NewsBot\.dll$", Value("Service", "ExecStart"));
        Assert.Equal("newsbot", Value("Service", "User"));
        Assert.Equal("/var/lib/newsbot", Value("Service", "WorkingDirectory"));
        Assert.StartsWith("-/etc/newsbot/", Value("Service", "EnvironmentFile"));
        Assert.Equal("2", Value("Service", "RestartPreventExitStatus")); // NewsBot exits 2 on invalid configuration
        Assert.Equal("multi-user.target", Value("Install", "WantedBy"));
    }

    private static ILookup<string, (string, string)> Parse(string text)
    {
        var entries = new List<(string Section, string Key, string Value)>();
        var section = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line.StartsWith('[')) { section = line.Trim('[', ']'); continue; }
            var eq = line.IndexOf('=');
            Assert.True(eq > 0, $"not a key=value line: {line}");
            entries.Add((section, line[..eq], line[(eq + 1)..]));
        }
        return entries.ToLookup(e => e.Section, e => (e.Key, e.Value));
    }
}
