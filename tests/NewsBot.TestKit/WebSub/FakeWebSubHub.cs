using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsBot.TestKit.WebSub;

/// <summary>
/// A WebSub hub (W3C WebSub) on 127.0.0.1, faithful to the Recommendation: a subscription request
/// (5.1) is answered 202 or 400 with a reason, then verified asynchronously with a GET carrying a
/// random challenge (5.3) whose exact echo alone confirms it; it can deny instead (5.2); leases expire
/// on its clock; publishing (7) POSTs the content to every live subscriber of the topic, signed with
/// X-Hub-Signature (8) by HMAC of the body with the subscriber's secret, and drops a subscriber that
/// answers 410. Tests can make it fail requests, deny a topic, grant another lease, sign wrongly, hold
/// verifications, and route callbacks (a load balancer in front of several instances).
/// </summary>
public sealed class FakeWebSubHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentDictionary<(string Callback, string Topic), FakeHubSubscription> _subscriptions = new();
    private readonly ConcurrentQueue<FakeHubVerification> _verifications = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _requests = new();
    private readonly ConcurrentQueue<Task> _background = new();
    private int _failNext;

    private FakeWebSubHub(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    /// <summary>The hub's URL, as a feed advertises it.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Every subscription request received (its form fields), in order.</summary>
    public IReadOnlyCollection<IReadOnlyDictionary<string, string>> Requests => _requests;

    /// <summary>Every verification (and denial) sent to a callback, in order.</summary>
    public IReadOnlyCollection<FakeHubVerification> Verifications => _verifications;

    /// <summary>Status the next <see cref="FailNext"/> requests are answered with (e.g. 500).</summary>
    public int FailStatus { get; set; } = StatusCodes.Status500InternalServerError;

    /// <summary>Topics this hub refuses: subscribing is answered 202, then denied with this reason (5.2).</summary>
    public ConcurrentDictionary<string, string> DeniedTopics { get; } = new(StringComparer.Ordinal);

    /// <summary>The lease the hub grants whatever was asked; null grants what was asked (or 10 days if nothing).</summary>
    public int? GrantedLeaseSeconds { get; set; }

    /// <summary>Where the hub actually sends a callback request (a load balancer picking an instance); identity by default.</summary>
    public Func<Uri, Uri> RouteCallback { get; set; } = static u => u;

    /// <summary>Verifications wait for this gate before going out (set it to hold them; complete it to let them go).</summary>
    public Task VerificationGate { get; set; } = Task.CompletedTask;

    public static async Task<FakeWebSubHub> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var hub = new FakeWebSubHub(app, time ?? TimeProvider.System);
        app.MapPost("/", hub.HandleRequestAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        hub.Url = new Uri(address.EndsWith('/') ? address : address + "/");
        return hub;
    }

    /// <summary>The next <paramref name="count"/> subscription requests are answered <see cref="FailStatus"/>.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    /// <summary>Live (verified, unexpired on the hub's clock) subscriptions of <paramref name="topic"/>.</summary>
    public IReadOnlyList<FakeHubSubscription> Subscribers(string topic) =>
        _subscriptions.Values.Where(s => s.Topic == topic && s.ExpiresAt > _time.GetUtcNow()).ToList();

    /// <summary>Waits until the verifications and denials sent so far have their answers.</summary>
    public async Task SettledAsync()
    {
        while (_background.TryPeek(out var first))
        {
            await first;
            _background.TryDequeue(out _);
        }
    }

    private async Task HandleRequestAsync(HttpContext ctx)
    {
        if (!ctx.Request.HasFormContentType)
        {
            await Reject(ctx, "expected application/x-www-form-urlencoded");
            return;
        }
        var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        _requests.Enqueue(fields);
        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            ctx.Response.StatusCode = FailStatus;
            await ctx.Response.WriteAsync("hub failure (test)", ctx.RequestAborted);
            return;
        }
        Interlocked.Exchange(ref _failNext, 0);
        var mode = fields.GetValueOrDefault("hub.mode");
        var topic = fields.GetValueOrDefault("hub.topic");
        var secret = fields.GetValueOrDefault("hub.secret");
        if (mode is not ("subscribe" or "unsubscribe")) { await Reject(ctx, "hub.mode must be subscribe or unsubscribe"); return; }
        if (string.IsNullOrEmpty(topic)) { await Reject(ctx, "hub.topic is required"); return; }
        if (!Uri.TryCreate(fields.GetValueOrDefault("hub.callback"), UriKind.Absolute, out var callback)) { await Reject(ctx, "hub.callback must be an absolute URL"); return; }
        if (secret is not null && Encoding.UTF8.GetByteCount(secret) >= 200) { await Reject(ctx, "hub.secret must be less than 200 bytes"); return; }
        var asked = int.TryParse(fields.GetValueOrDefault("hub.lease_seconds"), CultureInfo.InvariantCulture, out var l) ? l : 864000;
        var lease = GrantedLeaseSeconds ?? asked;
        ctx.Response.StatusCode = StatusCodes.Status202Accepted;
        // 5.3: verified after the request is acknowledged, on the hub's own time.
        _background.Enqueue(Task.Run(() => DenyOrVerifyAsync(mode, topic, callback, secret, lease)));
    }

    private async Task DenyOrVerifyAsync(string mode, string topic, Uri callback, string? secret, int lease)
    {
        await VerificationGate;
        if (mode == "subscribe" && DeniedTopics.TryGetValue(topic, out var reason))
        {
            var denial = await SendVerificationAsync(callback, $"hub.mode=denied&hub.topic={Escape(topic)}&hub.reason={Escape(reason)}");
            _verifications.Enqueue(new FakeHubVerification(callback, "denied", topic, denial.Status, false));
            _subscriptions.TryRemove((callback.AbsoluteUri, topic), out _);
            return;
        }
        var challenge = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var query = $"hub.mode={mode}&hub.topic={Escape(topic)}&hub.challenge={challenge}"
            + (mode == "subscribe" ? $"&hub.lease_seconds={lease}" : "");
        var (status, body) = await SendVerificationAsync(callback, query);
        var confirmed = status is >= 200 and < 300 && body == challenge;
        _verifications.Enqueue(new FakeHubVerification(callback, mode, topic, status, confirmed));
        if (!confirmed) return;
        if (mode == "subscribe") _subscriptions[(callback.AbsoluteUri, topic)] = new(callback, topic, secret, _time.GetUtcNow().AddSeconds(lease));
        else _subscriptions.TryRemove((callback.AbsoluteUri, topic), out _);
    }

    private async Task<(int Status, string Body)> SendVerificationAsync(Uri callback, string query)
    {
        var target = RouteCallback(callback);
        var url = new UriBuilder(target) { Query = (target.Query.Length > 1 ? target.Query[1..] + "&" : "") + query }.Uri;
        try
        {
            using var response = await _client.GetAsync(url);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException)
        {
            return (0, "");
        }
    }

    /// <summary>
    /// Publishes <paramref name="content"/> for <paramref name="topic"/> to every live subscriber (7),
    /// signed with <paramref name="method"/> (8), or with a signature over other bytes when
    /// <paramref name="wrongSignature"/>. Returns each subscriber's status; a 410 ends that subscription.
    /// </summary>
    public async Task<IReadOnlyList<int>> PublishAsync(string topic, string content, string contentType = "application/rss+xml; charset=utf-8",
        HubSignatureMethod method = HubSignatureMethod.Sha256, bool wrongSignature = false)
    {
        var body = Encoding.UTF8.GetBytes(content);
        var statuses = new List<int>();
        foreach (var sub in Subscribers(topic))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, RouteCallback(sub.Callback)) { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            request.Headers.TryAddWithoutValidation("Link", $"<{Url}>; rel=\"hub\", <{topic}>; rel=\"self\"");
            if (method != HubSignatureMethod.None && sub.Secret is not null)
                request.Headers.TryAddWithoutValidation("X-Hub-Signature", Sign(method, sub.Secret, wrongSignature ? [.. body, (byte)' '] : body));
            using var response = await _client.SendAsync(request);
            statuses.Add((int)response.StatusCode);
            if ((int)response.StatusCode == StatusCodes.Status410Gone) _subscriptions.TryRemove((sub.Callback.AbsoluteUri, topic), out _);
        }
        return statuses;
    }

    /// <summary>"sha256=hex" over <paramref name="body"/> keyed with <paramref name="secret"/>.</summary>
    public static string Sign(HubSignatureMethod method, string secret, byte[] body)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        return method switch
        {
#pragma warning disable CA5350 // WebSub 8 lists sha1; the fake hub must be able to sign with it
            HubSignatureMethod.Sha1 => "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(key, body)),
#pragma warning restore CA5350
            HubSignatureMethod.Sha256 => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body)),
            HubSignatureMethod.Sha384 => "sha384=" + Convert.ToHexStringLower(HMACSHA384.HashData(key, body)),
            HubSignatureMethod.Sha512 => "sha512=" + Convert.ToHexStringLower(HMACSHA512.HashData(key, body)),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static Task Reject(HttpContext ctx, string reason)
    {
        ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
        return ctx.Response.WriteAsync(reason, ctx.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
