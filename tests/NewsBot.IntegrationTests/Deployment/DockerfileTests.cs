using System.Text.RegularExpressions;

namespace NewsBot.IntegrationTests.Deployment;

/// <summary>
/// deploy/Dockerfile read as the Docker builder would: no engine runs here, so the test checks that
/// what it copies exists, that it restores every project the host needs, and how it runs the host.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string[] Lines = Instructions(RepositoryFiles.Read("deploy/Dockerfile"));

    [Fact]
    public void Builds_on_the_sdk_and_runs_on_the_aspnet_runtime()
    {
        var stages = Lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stages.Count);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build$", stages[0]);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0 AS runtime$", stages[1]);
    }

    [Fact]
    public void Every_copied_path_exists_in_the_repository()
    {
        var sources = Lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1]).ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
            Assert.True(File.Exists(RepositoryFiles.PathOf(source)) || Directory.Exists(RepositoryFiles.PathOf(source)), $"COPY {source}: not in the repository");
    }

    [Fact]
    public void Restore_layer_copies_every_project_the_host_references()
    {
        var copiedProjects = Lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]).Where(p => p.EndsWith(".csproj", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(RepositoryFiles.ProjectClosure("src/NewsBot/NewsBot.csproj").Order(), copiedProjects.Order());
        Assert.Contains("RUN dotnet restore src/NewsBot/NewsBot.csproj", Lines);
        Assert.Contains(Lines, l => l.StartsWith("RUN dotnet publish src/NewsBot/NewsBot.csproj -c Release -o /app", StringComparison.Ordinal));
    }

    [Fact]
    public void Entrypoint_runs_the_host_dll_as_a_non_root_user_with_a_health_check()
    {
        var entry = Assert.Single(Lines, l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
        Assert.Equal("ENTRYPOINT [\"dotnet\", \"/app/NewsBot.dll\"]", entry);
        // The host project sets no AssemblyName, so its dll is named after the project file.
        Assert.DoesNotContain("<AssemblyName>", RepositoryFiles.Read("src/NewsBot/NewsBot.csproj"));

        var runtime = Lines.SkipWhile(l => !l.Contains("AS runtime", StringComparison.Ordinal)).ToList();
        var user = Assert.Single(runtime, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"USER (root|0)\b", user);
        Assert.True(runtime.IndexOf(user) < runtime.FindIndex(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)), "USER comes before ENTRYPOINT");
        Assert.Contains(runtime, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && l.Contains("/health/live", StringComparison.Ordinal));
        Assert.Contains(runtime, l => l.StartsWith("VOLUME /var/lib/newsbot", StringComparison.Ordinal));
        Assert.Contains(runtime, l => l.StartsWith("EXPOSE 8080", StringComparison.Ordinal));
        Assert.Contains(runtime, l => l.Contains("Urls=http://+:8080", StringComparison.Ordinal));
    }

    [Fact]
    public void Local_build_output_and_secrets_stay_out_of_the_build_context()
    {
        // BuildKit reads <Dockerfile name>.dockerignore beside the Dockerfile when the context is elsewhere.
        var ignored = RepositoryFiles.Read("deploy/Dockerfile.dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet();
        foreach (var pattern in new[] { "**/bin/", "**/obj/", ".git/", "deploy/.env", "**/*.db" })
            Assert.Contains(pattern, ignored);
    }

    /// <summary>One instruction per entry: comments dropped, backslash continuations joined.</summary>
    private static string[] Instructions(string dockerfile) =>
        Continuation().Replace(dockerfile, " ").Split('\n')
            .Select(l => Spaces().Replace(l.Trim(), " "))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToArray();

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
