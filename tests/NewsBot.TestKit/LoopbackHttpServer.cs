using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsBot.TestKit;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 with a free port, standing in for news sites.
/// Tests register a handler per path; unknown paths answer 404 as a real site would.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackHttpServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request received, in order: path, query and headers.</summary>
    public IReadOnlyCollection<RecordedRequest> Requests => _requests;

    public static async Task<LoopbackHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackHttpServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public void Map(string path, RequestDelegate handler) => _routes["/" + path.TrimStart('/')] = handler;

    /// <summary>Serves fixed content with a content type.</summary>
    public void MapContent(string path, string content, string contentType = "application/rss+xml; charset=utf-8") =>
        Map(path, ctx =>
        {
            ctx.Response.ContentType = contentType;
            return ctx.Response.WriteAsync(content);
        });

    private Task HandleAsync(HttpContext ctx)
    {
        _requests.Enqueue(new RecordedRequest(
            ctx.Request.Path.Value ?? "/",
            ctx.Request.QueryString.Value ?? "",
            ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        if (_routes.TryGetValue(ctx.Request.Path.Value ?? "/", out var handler)) return handler(ctx);
        ctx.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(string Path, string Query, IReadOnlyDictionary<string, string> Headers);
