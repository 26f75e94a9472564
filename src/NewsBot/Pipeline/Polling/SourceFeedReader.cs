using NewsBot.Sources.Fetching;
using NewsBot.Sources.Parsing;

namespace NewsBot.Pipeline.Polling;

/// <summary>Fetch then parse: the one path every source read takes (polling, preview, adding a source).</summary>
public sealed class SourceFeedReader(FeedFetcher fetcher, IHostEnvironment environment)
{
    public async Task<FeedRead> ReadAsync(string url, string? etag, string? lastModified, CancellationToken ct)
    {
        if (!SourceAddress.TryResolve(url, environment.ContentRootPath, out var uri, out var error))
            return new FeedRead.Unreadable(error, null);
        var fetched = await fetcher.FetchAsync(new FetchRequest(uri, etag, lastModified), ct);
        switch (fetched)
        {
            case FetchResult.NotModified notModified:
                return new FeedRead.Unchanged(notModified);
            case FetchResult.Failed failed:
                return new FeedRead.Unreadable(failed.Error, failed.RetryAfter);
            case FetchResult.Fetched body:
                try
                {
                    return new FeedRead.Read(FeedParser.Parse(body.Body, body.FinalUrl, body.Charset), body);
                }
                catch (FeedFormatException e)
                {
                    return new FeedRead.Unreadable(e.Message, null, ParseError: true);
                }
            default:
                throw new InvalidOperationException($"unexpected fetch result {fetched.GetType().Name}");
        }
    }
}
