using System.Security.Cryptography;
using System.Text;

namespace NewsBot.Pipeline.Push;

/// <summary>
/// Checks X-Hub-Signature (WebSub 8): "method=hex", the HMAC of the raw body keyed with the
/// subscription's secret, for sha1, sha256, sha384 or sha512; compared in constant time.
/// </summary>
public static class HubSignature
{
    /// <summary>Whether <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/>.</summary>
    public static bool IsValid(string? header, ReadOnlySpan<byte> body, string secret)
    {
        if (header is null || header.Length > 200) return false;
        var eq = header.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) return false;
        var key = Encoding.UTF8.GetBytes(secret);
        byte[] expected;
        switch (header[..eq].Trim().ToLowerInvariant())
        {
#pragma warning disable CA5350 // WebSub 8 lists sha1; a hub may sign with it. The secret, not the hash, is what we check.
            case "sha1": expected = HMACSHA1.HashData(key, body); break;
#pragma warning restore CA5350
            case "sha256": expected = HMACSHA256.HashData(key, body); break;
            case "sha384": expected = HMACSHA384.HashData(key, body); break;
            case "sha512": expected = HMACSHA512.HashData(key, body); break;
            default: return false;
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(eq + 1).Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
