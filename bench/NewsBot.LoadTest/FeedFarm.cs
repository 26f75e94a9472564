using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsBot.LoadTest;

/// <summary>
/// The news sites: <see cref="Feeds"/> RSS feeds of 20 items (~20 KiB) spread over
/// <see cref="Hosts"/> loopback addresses (so per-host limits apply as they would across real
/// sites), each with an ETag that changes only when the feed gets a new item. Counts every request,
/// and remembers when each marker item was changed and first served, for the alert latency.
/// </summary>
public sealed class FeedFarm : IAsyncDisposable
{
    public const int Hosts = 32;
    public const int ItemsPerFeed = 20;
    public const string MarkerWord = "zephyrmarker";

    /// <summary>How many chats the marker alerts are spread over (one marker word each).</summary>
    public int Chats { get; init; } = 1;

    /// <summary>The marker word of chat <paramref name="chat"/>; a feed's markers go to chat feed mod <see cref="Chats"/>.</summary>
    public static string MarkerWordOf(int chat) => $"{MarkerWord}{chat}";

    private string MarkerFor(int feed) => MarkerWordOf(feed % Chats);

    private readonly WebApplication _app;
    private readonly int[] _versions;
    private readonly bool[] _seen;
    private readonly int _markerEvery;
    private long _requests;
    private long _served200;
    private long _served304;
    private int _seenCount;

    /// <summary>Marker item (feed, seq) → when it was published on the site (Stopwatch ticks).</summary>
    public ConcurrentDictionary<(int Feed, int Seq), long> Published { get; } = new();

    /// <summary>Marker item → when a poll first received it.</summary>
    public ConcurrentDictionary<(int Feed, int Seq), long> FirstServed { get; } = new();

    public int Feeds => _versions.Length;
    public int Port { get; }
    public long Requests => Interlocked.Read(ref _requests);
    public long Served200 => Interlocked.Read(ref _served200);
    public long Served304 => Interlocked.Read(ref _served304);

    /// <summary>Feeds requested at least once (the cold start is over when this reaches <see cref="Feeds"/>).</summary>
    public int SeenFeeds => Volatile.Read(ref _seenCount);

    private FeedFarm(WebApplication app, int feeds, int port, int markerEvery)
    {
        _app = app;
        _versions = new int[feeds];
        Array.Fill(_versions, ItemsPerFeed - 1);
        _seen = new bool[feeds];
        _markerEvery = markerEvery;
        Port = port;
    }

    public static async Task<FeedFarm> StartAsync(int feeds, int markerEvery, int chats = 1)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20000, 60000);
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k =>
            {
                for (var h = 1; h <= Hosts; h++) k.Listen(IPAddress.Parse(Host(h - 1)), port);
                k.Limits.MaxConcurrentConnections = null;
            });
            var app = builder.Build();
            var farm = new FeedFarm(app, feeds, port, markerEvery) { Chats = Math.Max(1, chats) };
            app.Run(farm.ServeAsync);
            try
            {
                await app.StartAsync();
                return farm;
            }
            catch (IOException) when (attempt < 5)
            {
                await app.DisposeAsync(); // port taken on one of the addresses: another port
            }
        }
    }

    private static string Host(int index) => $"127.0.1.{index + 1}";

    public string Url(int feed) => $"http://{Host(feed % Hosts)}:{Port}/f/{feed}.xml";

    /// <summary>Publishes one new item on <paramref name="feed"/>; its oldest item drops off.</summary>
    public void Publish(int feed)
    {
        var seq = Interlocked.Increment(ref _versions[feed]);
        if (IsMarker(feed, seq)) Published[(feed, seq)] = Stopwatch.GetTimestamp();
    }

    private bool IsMarker(int feed, int seq) => seq >= ItemsPerFeed && Mix(feed, seq) % (ulong)_markerEvery == 0;

    private async Task ServeAsync(HttpContext ctx)
    {
        Interlocked.Increment(ref _requests);
        var path = ctx.Request.Path.Value ?? "";
        if (!path.StartsWith("/f/", StringComparison.Ordinal) || !path.EndsWith(".xml", StringComparison.Ordinal)
            || !int.TryParse(path.AsSpan(3, path.Length - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var feed) || feed >= Feeds)
        {
            ctx.Response.StatusCode = 404;
            return;
        }
        if (!_seen[feed])
        {
            _seen[feed] = true;
            Interlocked.Increment(ref _seenCount);
        }
        var version = Volatile.Read(ref _versions[feed]);
        var etag = $"\"{feed}-{version}\"";
        if (ctx.Request.Headers.IfNoneMatch == etag)
        {
            Interlocked.Increment(ref _served304);
            ctx.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        Interlocked.Increment(ref _served200);
        var now = Stopwatch.GetTimestamp();
        for (var seq = version; seq > version - ItemsPerFeed; seq--)
            if (IsMarker(feed, seq)) FirstServed.TryAdd((feed, seq), now);
        ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
        ctx.Response.Headers.ETag = etag;
        await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(FeedXml(feed, version)));
    }

    private string FeedXml(int feed, int version)
    {
        var xml = new StringBuilder(24 * 1024);
        xml.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Site {feed}</title><link>http://{Host(feed % Hosts)}/</link><description>Load test site</description>");
        var epoch = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        for (var seq = version; seq > version - ItemsPerFeed; seq--)
        {
            var title = Words(feed, seq, 0, 9);
            if (IsMarker(feed, seq)) title = $"{MarkerFor(feed)} zm{feed}x{seq} {title}";
            xml.Append(CultureInfo.InvariantCulture, $"<item><title>{title}</title><link>http://{Host(feed % Hosts)}/a/{feed}/{seq}</link><guid isPermaLink=\"false\">f{feed}-{seq}</guid>");
            xml.Append(CultureInfo.InvariantCulture, $"<pubDate>{epoch.AddMinutes(seq).ToString("r", CultureInfo.InvariantCulture)}</pubDate><description>{Words(feed, seq, 1, 130)}.</description></item>");
        }
        return xml.Append("</channel></rss>").ToString();
    }

    /// <summary>Pseudo-words from a fixed syllable set, the same for the same item every time it is served.</summary>
    private static string Words(int feed, int seq, int part, int count)
    {
        var text = new StringBuilder(count * 8);
        var state = Mix(feed, seq) ^ (ulong)part * 0x9E3779B97F4A7C15UL;
        for (var w = 0; w < count; w++)
        {
            if (w > 0) text.Append(' ');
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            var syllables = 2 + (int)(state >> 62);
            for (var s = 0; s < syllables; s++)
                text.Append(Syllables[(int)((state >> (8 * s + 8)) % (ulong)Syllables.Length)]);
        }
        return text.ToString();
    }

    private static readonly string[] Syllables =
        ["ka", "lo", "mir", "ten", "sa", "vu", "dor", "ri", "an", "bel", "cu", "fe", "gol", "ha", "ist", "jo", "ku", "lem", "na", "or",
         "pe", "qui", "ras", "si", "tor", "ul", "ve", "wa", "xi", "yo", "zan", "bra", "cle", "dri", "fla", "gro", "ple", "sto", "tri", "ver"];

    private static ulong Mix(int feed, int seq)
    {
        var x = ((ulong)(uint)feed << 32) | (uint)seq;
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        return x ^ (x >> 33);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
