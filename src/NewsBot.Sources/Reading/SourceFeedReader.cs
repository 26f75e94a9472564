using NewsBot.Sources.Fetching;
using NewsBot.Sources.Parsing;

namespace NewsBot.Sources.Reading;

/// <summary>
/// Fetch then parse: the one path every source read takes (polling, preview, adding a source, the
/// admin console's test fetch). Parsing runs off the caller's thread under
/// <see cref="FeedReaderOptions.ParseBudget"/>, so a feed built to be expensive costs at most that.
/// </summary>
public sealed class SourceFeedReader(FeedFetcher fetcher, FeedReaderOptions options, TimeProvider time)
{
    public async Task<FeedRead> ReadAsync(string url, string? etag, string? lastModified, CancellationToken ct)
    {
        if (!SourceAddress.TryResolve(url, options.ContentRoot, out var uri, out var error))
            return new FeedRead.Unreadable(error, null);
        var fetched = await fetcher.FetchAsync(new FetchRequest(uri, etag, lastModified), ct);
        switch (fetched)
        {
            case FetchResult.NotModified notModified:
                return new FeedRead.Unchanged(notModified);
            case FetchResult.Failed failed:
                return new FeedRead.Unreadable(failed.Error, failed.RetryAfter);
            case FetchResult.Fetched body:
                return await ParseAsync(body, ct);
            default:
                throw new InvalidOperationException($"unexpected fetch result {fetched.GetType().Name}");
        }
    }

    private async Task<FeedRead> ParseAsync(FetchResult.Fetched body, CancellationToken ct)
    {
        var budget = options.ParseBudget;
        var started = time.GetTimestamp();
        try
        {
            var parsed = await CpuBudget.RunAsync(token => FeedParser.Parse(body.Body, body.FinalUrl, body.Charset, token), budget, time, ct);
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
