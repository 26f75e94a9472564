using YamlDotNet.RepresentationModel;

namespace NewsBot.IntegrationTests.Deployment;

/// <summary>deploy/docker-compose.yml parsed as YAML (Docker Compose itself cannot run here).</summary>
public sealed class ComposeFileTests
{
    private static readonly YamlMappingNode Compose = Assert.Single(RepositoryFiles.YamlDocuments("deploy/docker-compose.yml"));
    private static readonly string[] Replicas = ["newsbot-1", "newsbot-2"];

    [Fact]
    public void Defines_postgres_and_two_newsbot_replicas()
    {
        Assert.Equal(["newsbot-1", "newsbot-2", "postgres"], Compose.At("services").Keys().Order());
        Assert.StartsWith("postgres:", Compose.At("services", "postgres", "image").Text());
        Assert.Contains("pg_isready", string.Join(" ", Compose.At("services", "postgres", "healthcheck", "test").Items().Select(i => i.Text())));
    }

    [Fact]
    public void Replicas_build_from_the_dockerfile_and_wait_for_a_healthy_database()
    {
        foreach (var name in Replicas)
        {
            var service = Compose.At("services", name);
            var dockerfile = service.At("build", "dockerfile").Text();
            var context = Path.GetFullPath(Path.Combine(RepositoryFiles.PathOf("deploy"), service.At("build", "context").Text()));
            Assert.Equal(RepositoryFiles.Root.TrimEnd(Path.DirectorySeparatorChar), context.TrimEnd(Path.DirectorySeparatorChar));
            Assert.True(File.Exists(Path.Combine(context, dockerfile)), $"{name}: {dockerfile} exists");
            Assert.Equal("service_healthy", service.At("depends_on", "postgres", "condition").Text());
        }
    }

    [Fact]
    public void Replicas_use_postgres_and_take_secrets_from_the_environment()
    {
        foreach (var name in Replicas)
        {
            var environment = Compose.At("services", name, "environment");
            Assert.Equal("Postgres", environment.At("NewsBot__Database__Provider").Text());
            Assert.Contains("Host=postgres", environment.At("NewsBot__Database__ConnectionString").Text());
            Assert.Contains("${POSTGRES_PASSWORD", environment.At("NewsBot__Database__ConnectionString").Text());
            Assert.StartsWith("${TELEGRAM_BOT_TOKEN", environment.At("NewsBot__Telegram__BotToken").Text());
            Assert.StartsWith("${DISCORD_BOT_TOKEN", environment.At("NewsBot__Discord__BotToken").Text());
        }
        Assert.StartsWith("${POSTGRES_PASSWORD", Compose.At("services", "postgres", "environment", "POSTGRES_PASSWORD").Text());
        var example = RepositoryFiles.Read("deploy/.env.example");
        foreach (var variable in new[] { "POSTGRES_PASSWORD=", "TELEGRAM_BOT_TOKEN=", "DISCORD_BOT_TOKEN=", "DISCORD_APPLICATION_ID=" })
            Assert.Contains(variable, example);
    }

    [Fact]
    public void Named_volumes_keep_the_database_and_each_one_used_is_declared()
    {
        var declared = Compose.At("volumes").Keys().ToHashSet();
        var used = Compose.At("services").Keys()
            .SelectMany(s => Compose.At("services", s).Get("volumes")?.Items() ?? [])
            .Select(v => v.Text().Split(':')[0]).ToList();
        Assert.Contains("postgres-data:/var/lib/postgresql/data", Compose.At("services", "postgres", "volumes").Items().Select(v => v.Text()));
        Assert.All(used, v => Assert.Contains(v, declared));
    }
}
