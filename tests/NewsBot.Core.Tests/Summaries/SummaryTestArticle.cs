namespace NewsBot.Core.Tests.Summaries;

/// <summary>An article of testdata/summaries: first line the headline, the rest one paragraph per line.</summary>
public sealed record SummaryTestArticle(string Headline, string Body)
{
    public static SummaryTestArticle Load(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "testdata", "summaries", file));
        return new SummaryTestArticle(lines[0], string.Join('\n', lines.Skip(1)));
    }

    public static IEnumerable<string> Files() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "testdata", "summaries"), "*.txt").Select(Path.GetFileName).OfType<string>().Order();
}
