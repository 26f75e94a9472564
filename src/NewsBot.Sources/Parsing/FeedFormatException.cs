namespace NewsBot.Sources.Parsing;

/// <summary>The document is not a feed at all (HTML page, empty body, unknown root).</summary>
public sealed class FeedFormatException(string message) : Exception(message);
