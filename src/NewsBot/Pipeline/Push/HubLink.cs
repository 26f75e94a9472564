using NewsBot.Sources.Fetching;

namespace NewsBot.Pipeline.Push;

/// <summary>A feed's WebSub hub and its topic (the feed's own address as it names it).</summary>
public sealed record HubLink(Uri Hub, Uri Topic)
{
    /// <summary>
    /// The hub a fetched feed advertises (WebSub 4: Link headers first, then the feed's head), or null.
    /// The topic is its rel="self" link, else the address it was fetched from.
    /// </summary>
    public static HubLink? Find(FetchResult.Fetched fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        var head = FeedHeadLinks.Read(fetch.Body, fetch.FinalUrl);
        var hub = Web(LinkHeader.Targets(fetch.Links, "hub", fetch.FinalUrl)) ?? Web(head.Hubs);
        if (hub is null) return null;
        var self = Web(LinkHeader.Targets(fetch.Links, "self", fetch.FinalUrl)) ?? Web(head.Selves) ?? fetch.FinalUrl;
        return new HubLink(hub, self);
    }

    private static Uri? Web(IEnumerable<Uri> candidates) =>
        candidates.FirstOrDefault(u => u.IsAbsoluteUri && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) && u.OriginalString.Length <= 2048);
}
