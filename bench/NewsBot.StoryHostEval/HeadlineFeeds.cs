using System.Collections.Concurrent;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Http;
using NewsBot.TestKit;

namespace NewsBot.StoryHostEval;

/// <summary>
/// One RSS feed per outlet on a loopback server; <see cref="Publish"/> puts an article into its
/// outlet's feed (newest first, the last 50). Each item's link names the article's id, so the
/// stored articles can be matched back to their labels.
/// </summary>
public sealed class HeadlineFeeds : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly Dictionary<string, int> _outlets;
    private readonly ConcurrentDictionary<int, List<LabelledHeadline>> _items = new();

    private HeadlineFeeds(LoopbackHttpServer server, Dictionary<string, int> outlets)
    {
        _server = server;
        _outlets = outlets;
    }

    public IReadOnlyDictionary<string, int> Outlets => _outlets;

    public static async Task<HeadlineFeeds> StartAsync(IEnumerable<string> outlets)
    {
        var server = await LoopbackHttpServer.StartAsync();
        var feeds = new HeadlineFeeds(server, outlets.Distinct(StringComparer.Ordinal).Select((o, i) => (o, i)).ToDictionary(x => x.o, x => x.i, StringComparer.Ordinal));
        foreach (var (outlet, i) in feeds._outlets)
        {
            server.Map($"feed/{i}.xml", ctx =>
            {
                ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
                return ctx.Response.WriteAsync(feeds.Render(outlet, i));
            });
        }
        return feeds;
    }

    public string Url(string outlet) => _server.Url($"feed/{_outlets[outlet]}.xml").ToString();

    public string Link(LabelledHeadline article) => _server.Url($"article/{article.Id}").ToString();

    public void Publish(LabelledHeadline article)
    {
        var list = _items.GetOrAdd(_outlets[article.Outlet], _ => []);
        lock (list) list.Insert(0, article);
    }

    private string Render(string outlet, int index)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>");
        xml.Append("<title>").Append(SecurityElement.Escape(outlet)).Append("</title><link>http://outlet").Append(index).Append(".example/</link><description>feed</description>");
        if (_items.TryGetValue(index, out var list))
        {
            lock (list)
            {
                foreach (var item in list.Take(50))
                {
                    xml.Append("<item><guid isPermaLink=\"false\">eval-").Append(item.Id).Append("</guid><title>").Append(SecurityElement.Escape(item.Headline))
                        .Append("</title><link>").Append(SecurityElement.Escape(Link(item))).Append("</link><description>").Append(SecurityElement.Escape(item.Lead))
                        .Append("</description><pubDate>").Append(DateTimeOffset.UtcNow.ToString("r", System.Globalization.CultureInfo.InvariantCulture)).Append("</pubDate></item>");
                }
            }
        }
        return xml.Append("</channel></rss>").ToString();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
