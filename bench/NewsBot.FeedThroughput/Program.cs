// Feed throughput harness: how many feeds per second the fetch-and-parse path handles against a
// loopback HTTP server, next to two baselines measured in the same run (parsing from memory,
// and conditional GETs answered 304). Usage: dotnet run -c Release --project bench/NewsBot.FeedThroughput [-- feeds seconds]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using NewsBot.Sources.Fetching;
using NewsBot.Sources.Parsing;
using NewsBot.TestKit;

var feedCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
const int ItemsPerFeed = 50;
const int Concurrency = 16;

await using var server = await LoopbackHttpServer.StartAsync();
var bodies = Enumerable.Range(0, feedCount).Select(i => Encoding.UTF8.GetBytes(FeedXml(i, ItemsPerFeed))).ToArray();
for (var i = 0; i < feedCount; i++)
{
    var body = bodies[i];
    var etag = $"\"feed-{i}\"";
    server.Map($"feed/{i}.xml", ctx =>
    {
        if (ctx.Request.Headers.IfNoneMatch == etag)
        {
            ctx.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
        ctx.Response.Headers.ETag = etag;
        return ctx.Response.Body.WriteAsync(body).AsTask();
    });
}

using var fetcher = new FeedFetcher(new FetchOptions { AllowPrivateAddresses = true, MaxConcurrentPerHost = Concurrency }, TimeProvider.System);
var urls = Enumerable.Range(0, feedCount).Select(i => server.Url($"feed/{i}.xml")).ToArray();

Console.WriteLine($"{feedCount} feeds × {ItemsPerFeed} items ({bodies.Average(b => b.Length) / 1024:0} KiB each), {Concurrency} concurrent, {seconds:0.#} s per measurement");
var parseOnly = await Measure("parse from memory (baseline)", i =>
{
    var feed = FeedParser.Parse(bodies[i], urls[i], "utf-8");
    return Task.FromResult(feed.Items.Count == ItemsPerFeed);
});
var full = await Measure("fetch + parse over loopback HTTP", async i =>
{
    var result = await fetcher.FetchAsync(new FetchRequest(urls[i]), CancellationToken.None);
    return result is FetchResult.Fetched f && FeedParser.Parse(f.Body, f.FinalUrl, f.Charset).Items.Count == ItemsPerFeed;
});
var notModified = await Measure("conditional GET answered 304", async i =>
{
    var result = await fetcher.FetchAsync(new FetchRequest(urls[i], $"\"feed-{i}\""), CancellationToken.None);
    return result is FetchResult.NotModified;
});
Console.WriteLine();
Console.WriteLine($"fetch+parse / parse-only: {full / parseOnly:0.00}×   304 / fetch+parse: {notModified / full:0.00}×");
return;

async Task<double> Measure(string name, Func<int, Task<bool>> work)
{
    for (var i = 0; i < Math.Min(feedCount, 20); i++) await work(i); // warm-up: JIT, connections
    var done = 0;
    var failures = 0;
    var clock = Stopwatch.StartNew();
    var deadline = TimeSpan.FromSeconds(seconds);
    await Parallel.ForAsync(0, Concurrency, async (worker, _) =>
    {
        for (var n = worker; clock.Elapsed < deadline; n += Concurrency)
        {
            if (!await work(n % feedCount)) Interlocked.Increment(ref failures);
            Interlocked.Increment(ref done);
        }
    });
    var rate = done / clock.Elapsed.TotalSeconds;
    Console.WriteLine($"{name,-36} {rate,9:0.0} feeds/s   ({done} feeds, {failures} failed)");
    if (failures > 0) Environment.ExitCode = 1;
    return rate;
}

static string FeedXml(int feed, int items)
{
    var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Feed {feed}</title><link>https://example.org/{feed}/</link>");
    for (var i = 0; i < items; i++)
    {
        xml.Append(CultureInfo.InvariantCulture, $"<item><title>Story {i} of feed {feed}: talks on a ceasefire resume &amp; continue</title>")
            .Append(CultureInfo.InvariantCulture, $"<link>https://example.org/{feed}/story-{i}</link><guid>https://example.org/{feed}/story-{i}</guid>")
            .Append(CultureInfo.InvariantCulture, $"<pubDate>Thu, 25 Jan 2024 {i % 24:00}:{i % 60:00}:00 +0200</pubDate>")
            .Append("<description><![CDATA[<p>A senior official said on Thursday that progress had been made in the talks, ")
            .Append("but that the progress was still in its early stages and that mediators would meet again next week.</p>")
            .Append("<p>Read more: related coverage</p>]]></description></item>");
    }
    return xml.Append("</channel></rss>").ToString();
}
