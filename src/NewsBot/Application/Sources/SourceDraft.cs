using NewsBot.Sources.Reading;
using NewsBot.Storage.Entities;

namespace NewsBot.Application.Sources;

/// <summary>
/// A source someone asks to add: the address as typed, and what they chose. A null
/// <see cref="Name"/> means "name it for me" (see <see cref="SourceNames"/>); a null
/// <see cref="PollInterval"/> means NewsBot:Sources:DefaultPollInterval. <see cref="Kind"/> Page
/// reads <see cref="Url"/> as a web page whose article links are the items, picked by
/// <see cref="PageLinkSelector"/> (CSS) or, when null, by NewsBot's detection.
/// </summary>
public sealed record SourceDraft(string Url, string? Name = null, TimeSpan? PollInterval = null, bool AlertOnFirstFetch = false,
    SourceKind Kind = SourceKind.Feed, string? PageLinkSelector = null)
{
    /// <summary>What the reader needs to read this draft's address as asked.</summary>
    public SourceReadRequest ReadRequest(string address) =>
        new(address, Page: Kind == SourceKind.Page ? new PageSource(PageLinkSelector) : null);
}

/// <summary>
/// Who asks, which decides what an address may point at. Chat users, admin-console forms and
/// uploaded OPML files come over the network: web feeds only, so nobody reads the server's disk
/// through them. The operator at the command line and the configuration file already have the
/// server, so they may also name local files (the demo feed is one).
/// </summary>
public enum SourceOrigin
{
    Remote,
    Operator,
}
