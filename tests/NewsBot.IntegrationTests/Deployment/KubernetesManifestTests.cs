using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace NewsBot.IntegrationTests.Deployment;

/// <summary>deploy/k8s parsed as YAML (no cluster here): what kubectl apply -k would create, and how it probes.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly IReadOnlyList<(string File, YamlMappingNode Doc)> Manifests =
        Directory.GetFiles(RepositoryFiles.PathOf("deploy/k8s"), "*.yaml")
            .SelectMany(f => RepositoryFiles.YamlDocuments(Path.GetRelativePath(RepositoryFiles.Root, f)).Select(d => (Path.GetFileName(f), d)))
            .ToList();

    private static YamlMappingNode Single(string kind, string name) =>
        Assert.Single(Manifests, m => m.Doc.Get("kind")?.Text() == kind && m.Doc.Get("metadata")?.Get("name")?.Text() == name).Doc;

    private static YamlNode NewsBotContainer => Assert.Single(Single("Deployment", "newsbot").At("spec", "template", "spec", "containers").Items());

    [Fact]
    public void Kustomization_lists_every_manifest()
    {
        var kustomization = Assert.Single(Manifests, m => m.Doc.Get("kind")?.Text() == "Kustomization");
        var listed = kustomization.Doc.At("resources").Items().Select(r => r.Text()).Order();
        Assert.Equal(Manifests.Select(m => m.File).Where(f => f != kustomization.File).Distinct().Order(), listed);
    }

    [Fact]
    public void Deployment_runs_several_replicas_on_postgres()
    {
        var deployment = Single("Deployment", "newsbot");
        Assert.True(int.Parse(deployment.At("spec", "replicas").Text(), CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("Postgres", Single("ConfigMap", "newsbot-config").At("data", "NewsBot__Database__Provider").Text());
        Assert.Equal("http://+:8080", Single("ConfigMap", "newsbot-config").At("data", "Urls").Text());
        var labels = deployment.At("spec", "template", "metadata", "labels");
        Assert.Equal(deployment.At("spec", "selector", "matchLabels", "app").Text(), labels.At("app").Text());
        Assert.Equal(labels.At("app").Text(), Single("Service", "newsbot").At("spec", "selector", "app").Text());
        Assert.Equal("true", deployment.At("spec", "template", "spec", "securityContext", "runAsNonRoot").Text());
    }

    [Fact]
    public void Probes_point_at_the_health_endpoints_on_the_container_port()
    {
        var container = NewsBotContainer;
        Assert.Equal("/health/live", container.At("livenessProbe", "httpGet", "path").Text());
        Assert.Equal("/health/ready", container.At("readinessProbe", "httpGet", "path").Text());
        Assert.Equal("/health/live", container.At("startupProbe", "httpGet", "path").Text());
        var port = Assert.Single(container.At("ports").Items());
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
            Assert.Equal(port.At("name").Text(), container.At(probe, "httpGet", "port").Text());
        Assert.Equal("8080", port.At("containerPort").Text());
    }

    [Fact]
    public void Tokens_come_from_the_secret_and_settings_from_the_config_map()
    {
        var sources = NewsBotContainer.At("envFrom").Items().ToList();
        var secretName = Assert.Single(sources, s => s.Get("secretRef") is not null).At("secretRef", "name").Text();
        var configName = Assert.Single(sources, s => s.Get("configMapRef") is not null).At("configMapRef", "name").Text();
        var secret = Single("Secret", secretName);
        Assert.Equal(["NewsBot__Database__ConnectionString", "NewsBot__Discord__BotToken", "NewsBot__Telegram__BotToken", "POSTGRES_PASSWORD"],
            secret.At("stringData").Keys().Order());
        Assert.DoesNotContain(Single("ConfigMap", configName).At("data").Keys(), k => k.Contains("Token", StringComparison.Ordinal));
    }
}
