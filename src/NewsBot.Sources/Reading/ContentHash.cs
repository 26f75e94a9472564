using System.Security.Cryptography;
using System.Text;

namespace NewsBot.Sources.Reading;

/// <summary>
/// The fingerprint of a body as read: SHA-256 over the bytes and how they are read (feed, or page
/// with its link selector), so changing a page source's selector is a change even when the page is not.
/// </summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> body, PageSource? page)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(body);
        sha.AppendData(Encoding.UTF8.GetBytes(page is null ? "\0feed" : "\0page\0" + page.LinkSelector));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
