using System.Globalization;

namespace NewsBot.Core.Tests.Stories;

/// <summary>One labelled article of testdata/stories.tsv: articles with the same label report the same event.</summary>
public sealed record LabelledArticle(string Story, string Source, DateTimeOffset Published, string Headline, string Lead);

public static class StoryTestSet
{
    public static IReadOnlyList<LabelledArticle> Load(string file = "stories.tsv") =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "testdata", "stories", file))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => new LabelledArticle(f[0], f[1], DateTimeOffset.Parse(f[2], CultureInfo.InvariantCulture), f[3], f[4]))
            .OrderBy(a => a.Published)
            .ToList();
}
