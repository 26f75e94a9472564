using System.Globalization;

namespace NewsBot.Sources.Fetching;

/// <summary>
/// Reads a file: source from disk. Such sources are allowed because only the operator can place a
/// file on the bot's machine and name it in configuration (the demo feed samples/feeds/demo.xml is
/// one); code that lets chat users add sources must accept http and https only, and redirects from
/// the web into file: are refused by <see cref="FeedFetcher"/>.
/// </summary>
internal static class LocalFileFetch
{
    public static async Task<FetchResult> ReadAsync(Uri url, FetchRequest request, long maxBytes, CancellationToken ct)
    {
        var path = url.LocalPath;
        var file = new FileInfo(path);
        if (!file.Exists)
            return new FetchResult.Failed(Directory.Exists(path) ? $"'{path}' is a directory, not a feed file" : $"file '{path}' not found", null);

        // Write time and length play the part of an ETag, so an unchanged file is not parsed again.
        // Ticks rather than the second-precision Last-Modified, so a quick rewrite is still seen.
        var etag = $"W/\"{file.LastWriteTimeUtc.Ticks:x}-{file.Length:x}\"";
        var lastModified = file.LastWriteTimeUtc.ToString("R", CultureInfo.InvariantCulture);
        if (request.ETag == etag)
            return new FetchResult.NotModified(etag, lastModified, null);
        if (file.Length > maxBytes)
            return new FetchResult.Failed(CappedBody.TooLarge(maxBytes), null);

        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
            var body = await CappedBody.ReadAsync(stream, maxBytes, ct).ConfigureAwait(false);
            return body is null
                ? new FetchResult.Failed(CappedBody.TooLarge(maxBytes), null)
                : new FetchResult.Fetched(body, MediaTypeOf(path), null, url, false, etag, lastModified, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FetchResult.Failed($"cannot read file '{path}': {ex.Message}", null);
        }
    }

    private static string? MediaTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".xml" or ".rss" or ".atom" => "application/xml",
        ".json" => "application/json",
        ".html" or ".htm" => "text/html",
        _ => null,
    };
}
