using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace NewsBot.StoryHostEval;

/// <summary>One article of a labelled set: articles with the same <see cref="Event"/> report the same event.</summary>
public sealed record LabelledHeadline(string Id, string Event, string Outlet, DateTimeOffset Published, string Headline, string Lead)
{
    /// <summary>
    /// The UCI News Aggregator layout (ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP in ms):
    /// STORY, the Google News story cluster, is the event; headlines only.
    /// </summary>
    public static List<LabelledHeadline> ReadUci(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        var rows = new List<LabelledHeadline>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            // The copy ends in a cut-off row: keep only complete ones.
            if (!csv.TryGetField<long>("TIMESTAMP", out var ms) || ms <= 0 || string.IsNullOrEmpty(csv.GetField("STORY"))) continue;
            rows.Add(new LabelledHeadline(csv.GetField("ID")!, csv.GetField("STORY")!, csv.GetField("PUBLISHER")!, DateTimeOffset.FromUnixTimeMilliseconds(ms), csv.GetField("TITLE")!, ""));
        }
        return rows;
    }

    /// <summary>NewsBot's own set (tests/NewsBot.Core.Tests/testdata/stories/stories.tsv): event, source, time, headline, lead.</summary>
    public static List<LabelledHeadline> ReadTsv(string path) =>
        File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select((f, i) => new LabelledHeadline(i.ToString(CultureInfo.InvariantCulture), f[0], f[1], DateTimeOffset.Parse(f[2], CultureInfo.InvariantCulture), f[3], f[4]))
            .ToList();
}
