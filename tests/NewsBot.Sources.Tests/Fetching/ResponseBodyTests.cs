using System.IO.Compression;
using System.Text;
using NewsBot.Sources.Fetching;
using NewsBot.TestKit;
using static NewsBot.Sources.Tests.Fetching.TestFetchers;

namespace NewsBot.Sources.Tests.Fetching;

public class ResponseBodyTests
{
    private static readonly string Feed = "<rss><channel><title>Compressed news</title>" + string.Concat(Enumerable.Repeat("<item><title>Story</title></item>", 200)) + "</channel></rss>";

    private static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressing = compressor(output)) compressing.Write(data);
        return output.ToArray();
    }

    private static void MapCompressed(LoopbackHttpServer server, string path, string encoding, byte[] compressed) => server.Map(path, ctx =>
    {
        ctx.Response.ContentType = "application/rss+xml";
        ctx.Response.Headers.ContentEncoding = encoding;
        return ctx.Response.Body.WriteAsync(compressed).AsTask();
    });

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task Compressed_body_arrives_decompressed(string encoding)
    {
        var plain = Encoding.UTF8.GetBytes(Feed);
        var compressed = Compress(plain, encoding switch
        {
            "gzip" => s => new GZipStream(s, CompressionLevel.Optimal),
            "br" => s => new BrotliStream(s, CompressionLevel.Optimal),
            _ => s => new ZLibStream(s, CompressionLevel.Optimal),
        });
        await using var server = await LoopbackHttpServer.StartAsync();
        MapCompressed(server, "feed", encoding, compressed);
        using var fetcher = Loopback();

        var fetched = AssertFetched(await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded());

        Assert.Equal(Feed, Encoding.UTF8.GetString(fetched.Body));
        Assert.Contains(encoding, server.Requests.Single().Headers["Accept-Encoding"]);
    }

    [Fact]
    public async Task Charset_and_media_type_come_from_the_content_type_header()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.MapContent("feed", "<rss/>", "application/rss+xml; charset=\"ISO-8859-1\"");
        using var fetcher = Loopback();

        var fetched = AssertFetched(await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded());

        Assert.Equal("ISO-8859-1", fetched.Charset);
        Assert.Equal("application/rss+xml", fetched.ContentType);
        Assert.False(fetched.MovedPermanently);
        Assert.Equal(server.Url("feed"), fetched.FinalUrl);
    }

    [Fact]
    public async Task Streamed_body_without_content_length_is_cut_at_the_cap()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("huge", async ctx =>
        {
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1024));
            for (var i = 0; i < 64 && !ctx.RequestAborted.IsCancellationRequested; i++)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            }
        });
        using var fetcher = Loopback(new FetchOptions { MaxBodyBytes = 16 * 1024 });

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(server.Url("huge")), default).Bounded());

        Assert.Equal("body larger than 16 KiB", failed.Error);
    }

    [Fact]
    public async Task Body_exactly_at_the_cap_is_accepted()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.MapContent("feed", new string('x', 16 * 1024), "text/xml");
        using var fetcher = Loopback(new FetchOptions { MaxBodyBytes = 16 * 1024 });

        var fetched = AssertFetched(await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded());

        Assert.Equal(16 * 1024, fetched.Body.Length);
    }

    [Fact]
    public async Task Declared_content_length_over_the_cap_fails_at_once()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("huge", ctx =>
        {
            ctx.Response.ContentLength = 11 * 1024 * 1024;
            return ctx.Response.Body.WriteAsync(new byte[11 * 1024 * 1024], ctx.RequestAborted).AsTask();
        });
        using var fetcher = Loopback();

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(server.Url("huge")), default).Bounded());

        Assert.Equal("body larger than 10 MiB", failed.Error);
    }

    [Fact]
    public async Task Small_gzip_that_inflates_past_the_cap_is_refused()
    {
        var bomb = Compress(new byte[4 * 1024 * 1024], s => new GZipStream(s, CompressionLevel.SmallestSize));
        Assert.True(bomb.Length < 64 * 1024, "the compressed body itself must be under the cap");
        await using var server = await LoopbackHttpServer.StartAsync();
        MapCompressed(server, "bomb", "gzip", bomb);
        using var fetcher = Loopback(new FetchOptions { MaxBodyBytes = 64 * 1024 });

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(server.Url("bomb")), default).Bounded());

        Assert.Equal("body larger than 64 KiB", failed.Error);
    }

    [Fact]
    public async Task Default_user_agent_names_the_bot_its_version_and_a_contact_url()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.MapContent("feed", "<rss/>");
        using var fetcher = Loopback();

        await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded();

        var headers = server.Requests.Single().Headers;
        Assert.Matches(@"^NewsBot/\d+\.\d+\.\d+ \(\+https://github\.com/newsbot\)$", headers["User-Agent"]);
        Assert.Contains("application/rss+xml", headers["Accept"]);
    }

    [Fact]
    public async Task Configured_user_agent_is_sent_as_is()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.MapContent("feed", "<rss/>");
        using var fetcher = Loopback(new FetchOptions { UserAgent = "ExampleNewsroomBot/2.0 (ops@example.org)" });

        await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded();

        Assert.Equal("ExampleNewsroomBot/2.0 (ops@example.org)", server.Requests.Single().Headers["User-Agent"]);
    }

    [Fact]
    public async Task Invalid_gzip_body_fails_with_a_message()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        MapCompressed(server, "feed", "gzip", Encoding.ASCII.GetBytes("this is not gzip at all, just text"));
        using var fetcher = Loopback();

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded());

        Assert.StartsWith("body could not be decompressed", failed.Error);
    }
}
