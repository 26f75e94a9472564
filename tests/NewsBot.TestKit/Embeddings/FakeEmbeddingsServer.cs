using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsBot.TestKit.Embeddings;

/// <summary>
/// A fake OpenAI-compatible embeddings endpoint on 127.0.0.1 (Kestrel), following OpenAI's API reference
/// for POST /v1/embeddings: input is a string or an array of strings, the reply is
/// {"object":"list","data":[{"object":"embedding","index":i,"embedding":[…]}],"model":…,"usage":{…}},
/// with the vector as a base64 string of little-endian float32 when encoding_format is "base64" (as the
/// official .NET client asks). Errors use OpenAI's body {"error":{"message","type","param","code"}}:
/// 401 for a wrong key, 429 with Retry-After, 500. Tests choose each text's vector (<see cref="SetVector"/>);
/// any other text gets a deterministic vector from a hash of its text.
/// </summary>
public sealed class FakeEmbeddingsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeEmbeddingsRequest> _requests = new();
    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private volatile TaskCompletionSource? _stall;
    private int _requestCount;

    private FakeEmbeddingsServer(WebApplication app, string? apiKey)
    {
        _app = app;
        ApiKey = apiKey;
    }

    /// <summary>The bearer token the server accepts; null accepts any (as Ollama does).</summary>
    public string? ApiKey { get; }

    /// <summary>http://127.0.0.1:port/v1 — the OpenAI-compatible base address to configure as the endpoint.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>Dimensions of the hash-based vectors (and what <see cref="SetVector"/> vectors should have). Default 16.</summary>
    public int Dimensions { get; set; } = 16;

    /// <summary>Every embeddings request received, in order.</summary>
    public IReadOnlyCollection<FakeEmbeddingsRequest> Requests => _requests;

    /// <summary>Requests received so far, including failed ones.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>The status every request gets instead of a reply (401, 429, 500…); null answers normally.</summary>
    public int? FailWith { get; set; }

    /// <summary>Retry-After seconds sent with a 429.</summary>
    public int RetryAfterSeconds { get; set; } = 20;

    /// <summary>Answer with one vector fewer than the inputs (a broken server).</summary>
    public bool DropLastVector { get; set; }

    /// <summary>Always answer with float arrays, whatever encoding_format asks (as some OpenAI-compatible servers do).</summary>
    public bool IgnoreEncodingFormat { get; set; }

    /// <summary>Fired when a request arrives, before it is answered.</summary>
    public event Action<FakeEmbeddingsRequest>? Received;

    public static async Task<FakeEmbeddingsServer> StartAsync(string? apiKey = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeEmbeddingsServer(app, apiKey);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = address.TrimEnd('/') + "/v1";
        return server;
    }

    /// <summary>Every text that starts with <paramref name="textStart"/> (e.g. a headline) is embedded as <paramref name="vector"/>.</summary>
    public void SetVector(string textStart, float[] vector) => _vectors[textStart] = vector;

    /// <summary>Requests wait without an answer until <see cref="Release"/> (or until the client gives up).</summary>
    public void Stall() => _stall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answers the stalled requests and stops stalling.</summary>
    public void Release() => Interlocked.Exchange(ref _stall, null)?.TrySetResult();

    /// <summary>The vector the server answers for <paramref name="text"/>.</summary>
    public float[] VectorFor(string text)
    {
        foreach (var (start, vector) in _vectors)
            if (text.StartsWith(start, StringComparison.Ordinal)) return vector;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Enumerable.Range(0, Dimensions).Select(i => hash[i % hash.Length] / 127.5f - 1f + i * 0.001f).ToArray();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        if (ctx.Request.Method != "POST" || ctx.Request.Path != "/v1/embeddings")
        {
            await Error(ctx, 404, $"Invalid URL ({ctx.Request.Method} {ctx.Request.Path})", "invalid_request_error", null);
            return;
        }
        Interlocked.Increment(ref _requestCount);
        var authorization = ctx.Request.Headers.Authorization.ToString();
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted);
        }
        catch (JsonException)
        {
            await Error(ctx, 400, "We could not parse the JSON body of your request.", "invalid_request_error", null);
            return;
        }
        using (body)
        {
            var request = FakeEmbeddingsRequest.From(body.RootElement, authorization);
            _requests.Enqueue(request);
            Received?.Invoke(request);
            if (_stall is { } stall) await stall.Task.WaitAsync(ctx.RequestAborted);
            if (ApiKey is not null && authorization != "Bearer " + ApiKey)
            {
                await Error(ctx, 401, $"Incorrect API key provided: {Masked(authorization)}. You can find your API key at https://platform.openai.com/account/api-keys.",
                    "invalid_request_error", "invalid_api_key");
                return;
            }
            if (FailWith is { } status)
            {
                if (status == 429) ctx.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Error(ctx, status, status == 429 ? $"Rate limit reached for {request.Model}. Please try again in {RetryAfterSeconds}s." : "The server had an error while processing your request.",
                    status == 429 ? "requests" : "server_error", status == 429 ? "rate_limit_exceeded" : null);
                return;
            }
            if (request.Input is null || request.Input.Count == 0 || request.Input.Count > 2048 || string.IsNullOrEmpty(request.Model))
            {
                await Error(ctx, 400, "'input' must be a string or an array of 1 to 2048 strings, and 'model' is required.", "invalid_request_error", null);
                return;
            }
            await Reply(ctx, request);
        }
    }

    private async Task Reply(HttpContext ctx, FakeEmbeddingsRequest request)
    {
        var base64 = request.EncodingFormat == "base64" && !IgnoreEncodingFormat;
        var count = DropLastVector ? request.Input!.Count - 1 : request.Input!.Count;
        ctx.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(ctx.Response.Body);
        json.WriteStartObject();
        json.WriteString("object", "list");
        json.WriteStartArray("data");
        for (var i = 0; i < count; i++)
        {
            var vector = VectorFor(request.Input[i]);
            json.WriteStartObject();
            json.WriteString("object", "embedding");
            json.WriteNumber("index", i);
            if (base64) json.WriteString("embedding", Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())));
            else
            {
                json.WriteStartArray("embedding");
                foreach (var x in vector) json.WriteNumberValue(x);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("model", request.Model);
        var tokens = request.Input.Sum(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", tokens);
        json.WriteNumber("total_tokens", tokens);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static async Task Error(HttpContext ctx, int status, string message, string type, string? code)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsJsonAsync(new { error = new { message, type, param = (string?)null, code } });
    }

    /// <summary>As OpenAI shows a wrong key: its first 3 and last 4 characters.</summary>
    private static string Masked(string authorization)
    {
        var key = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : authorization;
        return key.Length <= 8 ? "****" : key[..3] + new string('*', key.Length - 7) + key[^4..];
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request as the fake received it.</summary>
public sealed record FakeEmbeddingsRequest(string? Model, IReadOnlyList<string>? Input, string? EncodingFormat, string Authorization, string Body)
{
    internal static FakeEmbeddingsRequest From(JsonElement root, string authorization)
    {
        string? Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        IReadOnlyList<string>? input = null;
        if (root.TryGetProperty("input", out var i))
        {
            if (i.ValueKind == JsonValueKind.String) input = [i.GetString()!];
            else if (i.ValueKind == JsonValueKind.Array && i.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
                input = i.EnumerateArray().Select(e => e.GetString()!).ToList();
        }
        return new FakeEmbeddingsRequest(Text("model"), input, Text("encoding_format"), authorization, root.GetRawText());
    }
}
