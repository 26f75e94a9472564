using System.Xml.Linq;
using YamlDotNet.RepresentationModel;

namespace NewsBot.IntegrationTests.Deployment;

/// <summary>The checked-out repository the tests run from, and readers for the files deploy/ holds.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static IReadOnlyList<YamlMappingNode> YamlDocuments(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(Read(relative));
        stream.Load(reader);
        return stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode)).ToList();
    }

    /// <summary>The host project and every project it references, directly or not, as repository paths.</summary>
    public static IReadOnlySet<string> ProjectClosure(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!found.Add(current)) continue;
            var directory = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(PathOf(current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(PathOf(directory), reference.Attribute("Include")!.Value));
                pending.Push(Path.GetRelativePath(Root, full).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }
        return found;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NewsBot.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no NewsBot.sln above {AppContext.BaseDirectory}");
    }
}

internal static class YamlNodeExtensions
{
    /// <summary>A mapping's value by key, following a YAML merge key ("&lt;&lt;: *anchor") as compose files use it.</summary>
    public static YamlNode? Get(this YamlNode node, string key)
    {
        if (node is not YamlMappingNode map) return null;
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var value)) return value;
        return map.Children.TryGetValue(new YamlScalarNode("<<"), out var merged) ? merged.Get(key) : null;
    }

    public static YamlNode At(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path) current = current.Get(key) ?? throw new Xunit.Sdk.XunitException($"no '{key}' in path {string.Join(".", path)}");
        return current;
    }

    public static string Text(this YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value ?? "";

    public static IEnumerable<YamlNode> Items(this YamlNode node) => Assert.IsType<YamlSequenceNode>(node).Children;

    public static IEnumerable<string> Keys(this YamlNode node) => Assert.IsType<YamlMappingNode>(node).Children.Keys.Select(k => k.Text());
}
