using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NewsBot.Admin;

/// <summary>Checks the admin password in constant time, against the plain setting or its Identity v3 hash.</summary>
public sealed class AdminPassword(IOptions<AdminOptions> options)
{
    private static readonly PasswordHasher<AdminPassword> Hasher = new();

    /// <summary>The hash to put in NewsBot:Admin:PasswordHash for a password.</summary>
    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool IsWellFormedHash(string hash)
    {
        var bytes = new byte[hash.Length];
        // Identity's v3 format begins with the format marker 0x01 (PasswordHasher.HashPasswordV3).
        return Convert.TryFromBase64String(hash, bytes, out var length) && length > 13 && bytes[0] == 0x01;
    }

    public bool Verify(string? attempt)
    {
        if (string.IsNullOrEmpty(attempt)) return false;
        var o = options.Value;
        if (!string.IsNullOrEmpty(o.PasswordHash))
            return Hasher.VerifyHashedPassword(this, o.PasswordHash, attempt) != PasswordVerificationResult.Failed;
        if (string.IsNullOrEmpty(o.Password)) return false;
        // Compare digests so the comparison time depends on neither the password's length nor its content.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(attempt)),
            SHA256.HashData(Encoding.UTF8.GetBytes(o.Password)));
    }
}
