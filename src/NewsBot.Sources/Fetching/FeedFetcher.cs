using System.Net;

namespace NewsBot.Sources.Fetching;

/// <summary>
/// Fetches one source politely and safely: conditional GET, compressed transfer, a time limit and
/// a body cap, per-host concurrency, redirects followed one hop at a time, and every connection
/// checked by <see cref="AddressGuard"/>. Never throws for a bad source: every problem becomes a
/// <see cref="FetchResult.Failed"/> whose message names the cause. Only the caller's own
/// cancellation surfaces as <see cref="OperationCanceledException"/>. Thread-safe; one per process.
/// </summary>
public sealed class FeedFetcher : IDisposable
{
    // Feed types first; HTML last, for sources that are web pages to extract from.
    private const string Accept =
        "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5";

    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;
    private readonly HostConcurrencyLimit _hostLimit;

    public FeedFetcher(FetchOptions options, TimeProvider time)
        : this(options, time, GuardedConnector.SystemDns, new HashSet<IPAddress>())
    {
    }

    /// <param name="resolve">DNS lookup; tests stand in a resolver that answers with loopback addresses.</param>
    /// <param name="exemptAddresses">Addresses allowed despite the guard, so tests can serve from 127.0.0.1 while the guard stays on for every other address.</param>
    internal FeedFetcher(FetchOptions options, TimeProvider time, HostResolver resolve, IReadOnlySet<IPAddress> exemptAddresses)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Validate(options);
        _options = options;
        _time = time;
        _hostLimit = new HostConcurrencyLimit(options.MaxConcurrentPerHost);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // each hop is followed by FollowAsync so its target is checked too
            AutomaticDecompression = DecompressionMethods.All,
            // A proxy would be the only address the connect step sees, letting any target through the guard.
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = new GuardedConnector(PrivatePolicy(options), resolve, exemptAddresses).ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>Which hosts may reach private addresses: all (the operator said so), some (page fetches), or none.</summary>
    private static Func<string, bool> PrivatePolicy(FetchOptions options) =>
        options.AllowPrivateAddresses ? static _ => true
        : options.PrivateAddressesAllowedFor ?? (static _ => false);

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = SourceAddress.Absolute(request.Url);
        if (url.IsFile)
            return await LocalFileFetch.ReadAsync(url, request, _options.MaxBodyBytes, ct).ConfigureAwait(false);
        if (!SourceAddress.IsWeb(url))
            return new FetchResult.Failed($"scheme '{url.Scheme}' is not supported; use http, https or a file path", null);

        // The wait for a free slot is not counted against the timeout: it is our queue, not the server's slowness.
        using var slot = await _hostLimit.EnterAsync(url.IdnHost, ct).ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            return await FollowAsync(url, request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new FetchResult.Failed($"timed out after {Describe(_options.Timeout)}", null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidDataException)
        {
            return new FetchResult.Failed(FetchErrors.Describe(ex, url), null);
        }
    }

    /// <summary>
    /// POSTs a form (a WebSub hub request) under the same address guard, time limit and per-host limit as
    /// a fetch. No redirect is followed: a hub answers where it is. A 2xx is <see cref="FetchResult.Fetched"/>
    /// with an empty body; anything else <see cref="FetchResult.Failed"/> naming the cause.
    /// </summary>
    public async Task<FetchResult> PostFormAsync(Uri url, IEnumerable<KeyValuePair<string, string>> form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!SourceAddress.IsWeb(url)) return new FetchResult.Failed($"scheme '{url.Scheme}' is not supported; use http or https", null);
        using var slot = await _hostLimit.EnterAsync(url.IdnHost, ct).ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
            message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? new FetchResult.Fetched([], null, null, url, false, null, null, null)
                : new FetchResult.Failed(ResponseHeaders.StatusText(response.StatusCode), ResponseHeaders.RetryAfter(response, _time));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new FetchResult.Failed($"timed out after {Describe(_options.Timeout)}", null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return new FetchResult.Failed(FetchErrors.Describe(ex, url), null);
        }
    }

    private async Task<FetchResult> FollowAsync(Uri url, FetchRequest request, CancellationToken ct)
    {
        var current = url;
        var allPermanent = true;
        for (var hop = 0; ; hop++)
        {
            using var message = BuildRequest(current, request);
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            var status = response.StatusCode;
            if (Redirects.IsRedirect(status))
            {
                if (hop >= _options.MaxRedirects)
                    return new FetchResult.Failed($"more than {_options.MaxRedirects} redirects (last to {current})", null);
                var next = Redirects.Target(current, response);
                if (next is null)
                    return new FetchResult.Failed($"{ResponseHeaders.StatusText(status)} without a usable Location header", null);
                if (!SourceAddress.IsWeb(next))
                    return new FetchResult.Failed($"redirect to '{next.Scheme}:' refused; only http and https are followed", null);
                allPermanent &= Redirects.IsPermanent(status);
                current = next;
                continue;
            }

            var minNextPoll = ResponseHeaders.MinNextPoll(response, _time);
            if (status == HttpStatusCode.NotModified)
            {
                // A 304 may omit the validators (RFC 9110 15.4.5); the ones we sent are still current then.
                return new FetchResult.NotModified(
                    ResponseHeaders.ETag(response) ?? request.ETag, ResponseHeaders.LastModified(response) ?? request.LastModified, minNextPoll);
            }
            if (!response.IsSuccessStatusCode)
                return new FetchResult.Failed(ResponseHeaders.StatusText(status), ResponseHeaders.RetryAfter(response, _time));

            // A declared length over the cap fails at once; an undeclared or understated one is caught while reading.
            if (response.Content.Headers.ContentLength > _options.MaxBodyBytes)
                return new FetchResult.Failed(CappedBody.TooLarge(_options.MaxBodyBytes), null);
            var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var body = await CappedBody.ReadAsync(stream, _options.MaxBodyBytes, ct).ConfigureAwait(false);
                if (body is null)
                    return new FetchResult.Failed(CappedBody.TooLarge(_options.MaxBodyBytes), null);
                return new FetchResult.Fetched(
                    body, ResponseHeaders.MediaType(response), ResponseHeaders.Charset(response), current, hop > 0 && allPermanent,
                    ResponseHeaders.ETag(response), ResponseHeaders.LastModified(response), minNextPoll)
                {
                    Links = ResponseHeaders.Links(response),
                };
            }
        }
    }

    private HttpRequestMessage BuildRequest(Uri url, FetchRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        // Without validation: an operator's UserAgent or a server's ETag need not follow .NET's stricter parsing.
        message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        message.Headers.TryAddWithoutValidation("Accept", Accept);
        if (request.ETag is { Length: > 0 } etag) message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (request.LastModified is { Length: > 0 } lastModified) message.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        return message;
    }

    private static string Describe(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerSecond == 0 ? $"{(long)span.TotalSeconds} s" : $"{(long)span.TotalMilliseconds} ms";

    private static void Validate(FetchOptions o)
    {
        const string prefix = "NewsBot:Sources:";
        if (o.Timeout <= TimeSpan.Zero) throw new ArgumentException($"{prefix}Timeout must be positive, was {o.Timeout}", nameof(o));
        if (o.MaxBodyBytes <= 0) throw new ArgumentException($"{prefix}MaxBodyBytes must be positive, was {o.MaxBodyBytes}", nameof(o));
        if (o.MaxConcurrentPerHost < 1) throw new ArgumentException($"{prefix}MaxConcurrentPerHost must be at least 1, was {o.MaxConcurrentPerHost}", nameof(o));
        if (o.MaxRedirects < 0) throw new ArgumentException($"{prefix}MaxRedirects must not be negative, was {o.MaxRedirects}", nameof(o));
        if (string.IsNullOrWhiteSpace(o.UserAgent) || o.UserAgent.Any(char.IsControl))
            throw new ArgumentException($"{prefix}UserAgent must be a non-empty single line", nameof(o));
    }

    public void Dispose() => _client.Dispose();
}
