namespace NewsBot.IntegrationTests.Deployment;

/// <summary>deploy/README.md walks an operator through every file in deploy/ and through registering both bots.</summary>
public sealed class DeployReadmeTests
{
    private static readonly string Readme = RepositoryFiles.Read("deploy/README.md");

    [Fact]
    public void Names_every_deployment_file()
    {
        var files = Directory.GetFiles(RepositoryFiles.PathOf("deploy"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryFiles.PathOf("deploy"), f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f != "README.md" && !f.StartsWith("k8s/", StringComparison.Ordinal));
        foreach (var file in files.Append("k8s/"))
            Assert.Contains(file, Readme);
    }

    [Fact]
    public void Explains_registering_the_telegram_and_discord_bots()
    {
        Assert.Contains("@BotFather", Readme);
        Assert.Contains("/newbot", Readme);
        Assert.Contains("Application ID", Readme);
        Assert.Contains("Reset Token", Readme);
        Assert.Matches(@"https://discord\.com/oauth2/authorize\?client_id=APPLICATION_ID&scope=bot%20applications\.commands&permissions=\d+", Readme);
    }

    [Fact]
    public void Says_plainly_what_could_not_be_run_here_and_what_replicas_share()
    {
        Assert.Contains("no Docker engine", Readme);
        // On PostgreSQL the job storage is shared (Scaling/HangfireStorageChoice); the README once said otherwise.
        Assert.Contains("Hangfire's job storage is shared", Readme);
        Assert.DoesNotContain("not shared yet", Readme);
    }

    [Fact]
    public void Reverse_proxy_examples_forward_the_client_address_and_scheme_and_name_the_trusted_proxies_key()
    {
        Assert.Contains("NewsBot__Admin__TrustedProxies__0", Readme);
        Assert.Contains("proxy_set_header X-Forwarded-For $remote_addr;", Readme);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", Readme);
        Assert.Contains("header_up X-Forwarded-For {remote_host}", Readme);
        Assert.Contains("header_up X-Forwarded-Proto {scheme}", Readme);
    }
}
