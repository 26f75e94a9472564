namespace NewsBot.Application.Sources;

/// <summary>
/// A source someone asks to add: the address as typed, and what they chose. A null
/// <see cref="Name"/> means "name it for me" (see <see cref="SourceNames"/>); a null
/// <see cref="PollInterval"/> means NewsBot:Sources:DefaultPollInterval.
/// </summary>
public sealed record SourceDraft(string Url, string? Name = null, TimeSpan? PollInterval = null, bool AlertOnFirstFetch = false);

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
