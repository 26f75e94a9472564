using System.Globalization;

namespace NewsBot.LoadTest;

/// <summary>The harness's command line.</summary>
public sealed record LoadOptions(
    int Feeds, TimeSpan Interval, double Changing, TimeSpan Warmup, TimeSpan Measure, double AlertsPerSecond,
    string Provider, int Instances, string App, TimeSpan ColdStartLimit, IReadOnlyList<(string Key, string Value)> Settings, int Chats)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = new List<(string, string)>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--set")
            {
                var eq = args[i + 1].IndexOf('=', StringComparison.Ordinal);
                settings.Add((args[i + 1][..eq], args[i + 1][(eq + 1)..]));
            }
            else values[args[i].TrimStart('-')] = args[i + 1];
        }
        string Get(string key, string fallback) => values.TryGetValue(key, out var v) ? v : fallback;
        double Number(string key, double fallback) => double.Parse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var defaultApp = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/NewsBot/bin/Release/net10.0/NewsBot.dll"));
        return new LoadOptions(
            (int)Number("feeds", 10_000),
            TimeSpan.FromSeconds(Number("interval", 300)),
            Number("changing", 0.05),
            TimeSpan.FromSeconds(Number("warmup", 30)),
            TimeSpan.FromSeconds(Number("measure", 120)),
            Number("alerts-per-second", 0.1),
            Get("provider", "sqlite").ToLowerInvariant(),
            (int)Number("instances", 1),
            Get("app", defaultApp),
            TimeSpan.FromSeconds(Number("coldstart-limit", 1800)),
            settings,
            (int)Number("chats", 10));
    }
}
