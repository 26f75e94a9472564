using System.Buffers;

namespace NewsBot.Sources.Fetching;

/// <summary>Reads a body stream up to a byte limit, counting bytes as they arrive rather than trusting Content-Length.</summary>
internal static class CappedBody
{
    /// <summary>The whole body, or null as soon as it grows past <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        using var body = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > maxBytes) return null;
                body.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return body.ToArray();
    }

    public static string TooLarge(long maxBytes) => $"body larger than {Describe(maxBytes)}";

    /// <summary>"10 MiB", "64 KiB" or "1500 bytes": the limit as an operator would have written it.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} bytes",
    };
}
