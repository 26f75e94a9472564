using NewsBot.Sources.Fetching;

namespace NewsBot.Sources.Tests.Fetching;

/// <summary>How the host reads a stored source address: what it fetches, what it refuses, where it looks for files.</summary>
public sealed class SourceAddressResolveTests : IDisposable
{
    private readonly string _name = $"feed-{Guid.NewGuid():N}.xml";
    private readonly string _besideBinary = Directory.CreateTempSubdirectory("newsbot-bin-").FullName;

    public void Dispose()
    {
        File.Delete(Path.Combine(Environment.CurrentDirectory, _name));
        Directory.Delete(_besideBinary, recursive: true);
    }

    [Theory]
    [InlineData("https://example.com/feed.xml")]
    [InlineData("http://example.com/rss?x=1")]
    [InlineData("file:///srv/feeds/demo.xml")]
    public void Web_and_file_urls_resolve_as_written(string text)
    {
        Assert.True(SourceAddress.TryResolve(text, _besideBinary, out var uri, out var error));
        Assert.Equal(new Uri(text), uri);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("ftp://example.com/feed.xml")]
    [InlineData("gopher://example.com/1/news")]
    public void Other_schemes_are_refused_with_a_message_naming_the_address(string text)
    {
        Assert.False(SourceAddress.TryResolve(text, _besideBinary, out _, out var error));
        Assert.Equal($"'{text}' is not an http(s) URL or a file path", error);
    }

    [Fact]
    public void A_relative_path_found_in_the_working_directory_wins_over_the_binary_folder()
    {
        File.WriteAllText(Path.Combine(Environment.CurrentDirectory, _name), "<rss/>");
        File.WriteAllText(Path.Combine(_besideBinary, _name), "<rss/>");

        Assert.True(SourceAddress.TryResolve(_name, _besideBinary, out var uri, out _));
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, _name), uri.LocalPath);
    }

    [Fact]
    public void A_relative_path_missing_from_the_working_directory_is_found_beside_the_binary()
    {
        File.WriteAllText(Path.Combine(_besideBinary, _name), "<rss/>");

        Assert.True(SourceAddress.TryResolve(_name, _besideBinary, out var uri, out _));
        Assert.Equal(Path.Combine(_besideBinary, _name), uri.LocalPath);
    }

    [Fact]
    public void A_relative_path_found_nowhere_points_at_the_working_directory_so_the_fetch_error_names_it()
    {
        Assert.True(SourceAddress.TryResolve(_name, _besideBinary, out var uri, out _));
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, _name), uri.LocalPath);
        Assert.True(SourceAddress.TryResolve(_name, fallbackDirectory: null, out var withoutFallback, out _));
        Assert.Equal(uri, withoutFallback);
    }

    [Theory]
    [InlineData("https://www.reuters.com/world/", "www.reuters.com")]
    [InlineData("http://127.0.0.1:8080/feed.xml", "127.0.0.1")]
    [InlineData("file:///srv/feeds/demo.xml", null)]
    [InlineData("samples/feeds/demo.xml", null)]
    [InlineData("ftp://example.com/feed.xml", null)]
    public void Host_is_the_web_host_name_and_null_for_everything_else(string text, string? expected) =>
        Assert.Equal(expected, SourceAddress.Host(text));
}
