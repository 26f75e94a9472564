using System.Text;
using NewsBot.Sources.Fetching;
using static NewsBot.Sources.Tests.Fetching.TestFetchers;

namespace NewsBot.Sources.Tests.Fetching;

public sealed class LocalFileFetchTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("newsbot-fetch-");
    private readonly FeedFetcher _fetcher = new(new FetchOptions { MaxBodyBytes = 64 * 1024 }, TimeProvider.System);

    private string WriteFeed(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task File_url_is_read_from_disk_even_with_the_address_guard_on()
    {
        var path = WriteFeed("demo.xml", "<rss><channel><title>Demo</title></channel></rss>");

        var fetched = AssertFetched(await _fetcher.FetchAsync(new FetchRequest(new Uri(path)), default));

        Assert.Equal("<rss><channel><title>Demo</title></channel></rss>", Encoding.UTF8.GetString(fetched.Body));
        Assert.Equal("application/xml", fetched.ContentType);
        Assert.Equal(new Uri(path), fetched.FinalUrl);
    }

    [Fact]
    public async Task Relative_path_is_read_from_the_current_directory()
    {
        var path = WriteFeed("relative.xml", "<rss/>");
        var relative = new Uri(Path.GetRelativePath(Environment.CurrentDirectory, path), UriKind.Relative);

        var fetched = AssertFetched(await _fetcher.FetchAsync(new FetchRequest(relative), default));

        Assert.Equal("<rss/>", Encoding.UTF8.GetString(fetched.Body));
    }

    [Fact]
    public async Task Unchanged_file_is_not_modified_and_a_rewritten_one_is_fetched_again()
    {
        var path = WriteFeed("demo.xml", "<rss>one</rss>");
        var first = AssertFetched(await _fetcher.FetchAsync(new FetchRequest(new Uri(path)), default));

        var unchanged = await _fetcher.FetchAsync(new FetchRequest(new Uri(path), first.ETag, first.LastModified), default);
        File.WriteAllText(path, "<rss>two, longer</rss>");
        var changed = await _fetcher.FetchAsync(new FetchRequest(new Uri(path), first.ETag, first.LastModified), default);

        Assert.IsType<FetchResult.NotModified>(unchanged);
        Assert.Equal("<rss>two, longer</rss>", Encoding.UTF8.GetString(AssertFetched(changed).Body));
    }

    [Fact]
    public async Task Missing_file_fails_naming_the_path()
    {
        var path = Path.Combine(_dir.FullName, "nope.xml");

        var failed = AssertFailed(await _fetcher.FetchAsync(new FetchRequest(new Uri(path)), default));

        Assert.Equal($"file '{path}' not found", failed.Error);
    }

    [Fact]
    public async Task File_over_the_cap_fails()
    {
        var path = WriteFeed("big.xml", new string('x', 64 * 1024 + 1));

        var failed = AssertFailed(await _fetcher.FetchAsync(new FetchRequest(new Uri(path)), default));

        Assert.Equal("body larger than 64 KiB", failed.Error);
    }

    public void Dispose()
    {
        _fetcher.Dispose();
        _dir.Delete(recursive: true);
    }
}
