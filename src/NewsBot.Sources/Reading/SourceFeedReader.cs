using NewsBot.Sources.Fetching;
using NewsBot.Sources.Pages.Links;
using NewsBot.Sources.Parsing;

namespace NewsBot.Sources.Reading;

/// <summary>
/// Fetch then parse: the one path every source read takes (polling, preview, adding a source, the
/// admin console's test fetch). Parsing runs off the caller's thread under
/// <see cref="FeedReaderOptions.ParseBudget"/>, so a feed built to be expensive costs at most that.
/// </summary>
public sealed class SourceFeedReader(FeedFetcher fetcher, FeedReaderOptions options, TimeProvider time)
{
    /// <summary>A feed read with no state from earlier reads (preview, adding a source).</summary>
    public Task<FeedRead> ReadAsync(string url, string? etag, string? lastModified, CancellationToken ct) =>
        ReadAsync(new SourceReadRequest(url, etag, lastModified), ct);

    public async Task<FeedRead> ReadAsync(SourceReadRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SourceAddress.TryResolve(request.Url, options.ContentRoot, out var uri, out var error))
            return new FeedRead.Unreadable(error, null);
        var fetched = await fetcher.FetchAsync(new FetchRequest(uri, request.ETag, request.LastModified), ct);
        switch (fetched)
        {
            case FetchResult.NotModified notModified:
                return new FeedRead.Unchanged(notModified);
            case FetchResult.Failed failed:
                return new FeedRead.Unreadable(failed.Error, failed.RetryAfter);
            case FetchResult.Fetched body:
                var hash = ContentHash.Of(body.Body, request.Page);
                // A server that ignores validators sends the same bytes again: nothing to parse, nothing new.
                if (hash == request.ContentHash && !body.MovedPermanently)
                    return new FeedRead.Unchanged(new FetchResult.NotModified(body.ETag, body.LastModified, body.MinNextPoll), SameBody: true);
                return await ParseAsync(body, request.Page, ct) switch
                {
                    FeedRead.Read read => read with { ContentHash = hash },
                    var other => other,
                };
            default:
                throw new InvalidOperationException($"unexpected fetch result {fetched.GetType().Name}");
        }
    }

    private async Task<FeedRead> ParseAsync(FetchResult.Fetched body, PageSource? page, CancellationToken ct)
    {
        var budget = options.ParseBudget;
        var started = time.GetTimestamp();
        try
        {
            var parsed = await CpuBudget.RunAsync(token => page is null
                ? FeedParser.Parse(body.Body, body.FinalUrl, body.Charset, token)
                : PageLinkList.Parse(body.Body, body.FinalUrl, body.Charset, page.LinkSelector, token), budget, time, ct);
            return parsed.InTime
                ? new FeedRead.Read(parsed.Value!, body, time.GetElapsedTime(started))
                : new FeedRead.Unreadable(TooComplex("parsing", budget), null, ParseError: true);
        }
        catch (FeedFormatException e)
        {
            return new FeedRead.Unreadable(e.Message, null, ParseError: true);
        }
    }

    /// <summary>The health line of a feed cut off by its budget, in words its operator can act on.</summary>
    public static string TooComplex(string step, TimeSpan budget) =>
        $"feed too large/complex: {step} took longer than {CpuBudget.Describe(budget)}";
}

/// <param name="ContentRoot">Where relative file sources (the demo feed) are looked up.</param>
/// <param name="ParseBudget">NewsBot:Sources:PollBudget: the longest one feed's parsing may take.</param>
public sealed record FeedReaderOptions(string ContentRoot, TimeSpan ParseBudget);
