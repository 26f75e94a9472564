using NewsBot.Sources.Fetching;

namespace NewsBot.Sources.Tests.Fetching;

public class SourceAddressTests
{
    [Theory]
    [InlineData("https://example.com/feed.xml", "https://example.com/feed.xml")]
    [InlineData("  http://example.com/rss  ", "http://example.com/rss")]
    [InlineData("file:///srv/feeds/demo.xml", "file:///srv/feeds/demo.xml")]
    [InlineData("/srv/feeds/demo.xml", "file:///srv/feeds/demo.xml")]
    public void Urls_and_absolute_paths_parse_as_written(string text, string expected) =>
        Assert.Equal(new Uri(expected), Resolved(text));

    [Fact]
    public void Plain_relative_path_becomes_a_file_url_under_the_current_directory()
    {
        var url = Resolved("samples/feeds/demo.xml");

        Assert.True(url.IsFile);
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "samples", "feeds", "demo.xml"), url.LocalPath);
    }

    private static Uri Resolved(string text)
    {
        Assert.True(SourceAddress.TryResolve(text, fallbackDirectory: null, out var url, out var error), error);
        return url;
    }
}
