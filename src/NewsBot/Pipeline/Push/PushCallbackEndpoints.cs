using Microsoft.Extensions.Options;
using NewsBot.Configuration;

namespace NewsBot.Pipeline.Push;

/// <summary>
/// The WebSub callback, /websub/{id}: GET is the hub's verification of intent or denial, POST its
/// content distribution. Mapped only when NewsBot:WebSub:CallbackBaseUrl is set; a reverse proxy
/// that serves it under a path prefix strips the prefix.
/// </summary>
public static class PushCallbackEndpoints
{
    public const string Route = "/websub/{id}";

    public static IEndpointRouteBuilder MapNewsBotPush(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ServiceProvider.GetRequiredService<IOptions<WebSubOptions>>().Value.Enabled) return app;
        app.MapGet(Route, VerifyAsync);
        app.MapPost(Route, ReceiveAsync);
        return app;
    }

    private static async Task<IResult> VerifyAsync(string id, HttpRequest request, IntentVerification verification, CancellationToken ct)
    {
        var q = request.Query;
        var challenge = await verification.VerifyAsync(id, new IntentVerification.Request(
            q["hub.mode"], q["hub.topic"], q["hub.challenge"], q["hub.lease_seconds"], q["hub.reason"]), ct);
        // 5.3: echo the challenge with 2xx to confirm; anything else (404) refuses.
        return challenge is null ? Results.NotFound() : Results.Text(challenge, "text/plain");
    }

    private static async Task<IResult> ReceiveAsync(string id, HttpRequest request, PushedContent content, IOptions<SourcesOptions> sources, CancellationToken ct)
    {
        var cap = sources.Value.MaxBodyBytes;
        if (request.ContentLength > cap) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var body = await ReadCappedAsync(request.Body, cap, ct);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var outcome = await content.ReceiveAsync(id, body, request.ContentType, request.Headers["X-Hub-Signature"].FirstOrDefault(), ct);
        return outcome switch
        {
            PushedContent.Outcome.Gone => Results.StatusCode(StatusCodes.Status410Gone),
            PushedContent.Outcome.Busy => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
            _ => Results.Accepted(),
        };
    }

    /// <summary>The body, or null when it is longer than <paramref name="cap"/> bytes.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, long cap, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > cap) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
