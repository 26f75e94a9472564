using NewsBot.Sources.Parsing;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>Reads the feed documents under testdata/feeds (copied next to the test assembly).</summary>
internal static class FeedFiles
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "testdata", "feeds", name));

    public static ParsedFeed Parse(string name, string? documentUrl = null, string? httpCharset = null) =>
        FeedParser.Parse(Bytes(name), documentUrl is null ? null : new Uri(documentUrl), httpCharset);

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);
}
