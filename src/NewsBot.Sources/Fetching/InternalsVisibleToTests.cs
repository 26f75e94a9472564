using System.Runtime.CompilerServices;

// Tests reach the DNS and exempt-address seams of FeedFetcher (see its internal constructor).
[assembly: InternalsVisibleTo("NewsBot.Sources.Tests")]
