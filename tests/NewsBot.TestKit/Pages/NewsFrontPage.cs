using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace NewsBot.TestKit.Pages;

/// <summary>
/// A news site's home page without a feed, on a <see cref="LoopbackHttpServer"/>: a navigation bar,
/// the list of headlines (newest first), a "most read" sidebar and a footer full of links, rebuilt
/// on every request from what the test published. With <see cref="Validators"/> it answers
/// conditional GETs as a real server does (ETag and Last-Modified, 304 when neither changed).
/// </summary>
public sealed class NewsFrontPage
{
    private readonly Lock _lock = new();
    private readonly List<(string Slug, string Headline)> _stories = [];
    private bool _broken;

    /// <summary>Sends ETag and Last-Modified and honours If-None-Match / If-Modified-Since; off, the page is sent whole every time.</summary>
    public bool Validators { get; set; }

    /// <summary>Requests answered 200 with the page, and 304 Not Modified.</summary>
    public int FullResponses { get; private set; }

    public int NotModifiedResponses { get; private set; }

    /// <summary>Serves the page at <paramref name="path"/> of <paramref name="server"/>.</summary>
    public void ServeOn(LoopbackHttpServer server, string path)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Map(path, ServeAsync);
    }

    /// <summary>A new story at the top of the list.</summary>
    public void Publish(string slug, string headline)
    {
        lock (_lock) _stories.Insert(0, (slug, headline));
    }

    /// <summary>The same stories in another order (an editor moving one up).</summary>
    public void Reverse()
    {
        lock (_lock) _stories.Reverse();
    }

    /// <summary>A redesign: the list shows other stories entirely (newest first as given).</summary>
    public void ReplaceStories(params (string Slug, string Headline)[] stories)
    {
        lock (_lock)
        {
            _stories.Clear();
            _stories.AddRange(stories);
        }
    }

    /// <summary>The site's template breaks: a 200 page with the navigation and an apology, no list.</summary>
    public void Break(bool broken = true)
    {
        lock (_lock) _broken = broken;
    }

    public string Html()
    {
        lock (_lock)
        {
            var html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loopback Daily</title></head><body>
                <header class="site-header"><a href="/">Loopback Daily</a><nav><a href="/world">World news</a> <a href="/business">Business news</a> <a href="/about">About Loopback Daily</a></nav></header>
                <main class="content">
                """);
            if (_broken) html.Append("<h1>Something went wrong</h1><p>We are sorry, the latest news cannot be shown right now. Please try again later.</p>");
            else
            {
                html.Append("<ul class=\"headlines\">");
                foreach (var (slug, headline) in _stories)
                    html.Append("<li class=\"headline\"><h3><a href=\"/news/2026/03/01/").Append(slug).Append("\">").Append(WebUtility.HtmlEncode(headline)).Append("</a></h3></li>");
                html.Append("</ul>");
            }
            html.Append("""
                </main>
                <div class="sidebar"><h2>Most read</h2><ol>
                <li><a href="/news/2026/02/11/an-old-favourite-that-everyone-still-reads">An old favourite that everyone still reads</a></li>
                <li><a href="/news/2026/02/12/another-evergreen-piece-about-gardening">Another evergreen piece about gardening</a></li>
                <li><a href="/news/2026/02/13/the-recipe-that-broke-the-internet-last-year">The recipe that broke the internet last year</a></li>
                </ol></div>
                <footer><a href="/privacy">Privacy policy and cookies</a> <a href="/news/2026/01/01/how-to-contact-the-newsroom">How to contact the newsroom</a></footer>
                </body></html>
                """);
            return html.ToString();
        }
    }

    private Task ServeAsync(HttpContext ctx)
    {
        var body = Encoding.UTF8.GetBytes(Html());
        if (Validators)
        {
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"";
            ctx.Response.Headers.ETag = etag;
            ctx.Response.Headers.LastModified = "Sun, 01 Mar 2026 09:00:00 GMT";
            if (ctx.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                lock (_lock) NotModifiedResponses++;
                ctx.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
        }
        lock (_lock) FullResponses++;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        return ctx.Response.Body.WriteAsync(body).AsTask();
    }
}
