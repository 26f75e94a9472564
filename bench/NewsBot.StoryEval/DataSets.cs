using System.Globalization;
using System.Text;

namespace NewsBot.StoryEval;

/// <summary>One labelled article: articles with the same <see cref="Event"/> report the same event.</summary>
internal sealed record EvalArticle(string Event, string Source, DateTimeOffset Time, string Headline, string Lead);

/// <summary>A labelled set in time order.</summary>
internal sealed record DataSet(string Name, IReadOnlyList<EvalArticle> Articles)
{
    public bool HasLeads => Articles.Any(a => a.Lead.Length > 0);

    public DataSet Slice(string name, int from, int count) => new(name, Articles.Skip(from).Take(count).ToList());
}

internal static class DataSets
{
    /// <summary>UCI News Aggregator rows: ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP (ms); incomplete rows are skipped.</summary>
    public static DataSet LoadUci(string path)
    {
        var articles = new List<EvalArticle>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = SplitCsv(line);
            if (f.Count != 8 || !long.TryParse(f[7], CultureInfo.InvariantCulture, out var ms)) continue;
            articles.Add(new EvalArticle(f[5], f[3], DateTimeOffset.FromUnixTimeMilliseconds(ms), f[1], ""));
        }
        return new DataSet(Path.GetFileNameWithoutExtension(path), articles.OrderBy(a => a.Time).ToList());
    }

    /// <summary>Our own set: story, source, published, headline, lead (tab-separated, # comments).</summary>
    public static DataSet LoadTsv(string path) => new(Path.GetFileName(path), File.ReadAllLines(path)
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .Select(f => new EvalArticle(f[0], f[1], DateTimeOffset.Parse(f[2], CultureInfo.InvariantCulture), f[3], f.Length > 4 ? f[4] : ""))
        .OrderBy(a => a.Time)
        .ToList());

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
