using Microsoft.Extensions.Options;

namespace NewsBot.Admin;

/// <summary>NewsBot:Admin — the web console at /admin. Off unless a password or a hash of it is set.</summary>
public sealed class AdminOptions
{
    public const string Section = "NewsBot:Admin";

    /// <summary>The admin password in plain text (prefer <see cref="PasswordHash"/> in shared config files).</summary>
    public string? Password { get; set; }

    /// <summary>
    /// ASP.NET Core Identity's PasswordHasher v3 string (base64; PBKDF2-HMAC-SHA512, salted, 100,000
    /// iterations), as printed by <see cref="AdminPassword.Hash"/>.
    /// </summary>
    public string? PasswordHash { get; set; }

    /// <summary>Failed sign-ins from one client address before it is locked out. Default 5.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked-out address must wait. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts (sliding). Default 8 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Reverse proxies (IP addresses or CIDR networks, e.g. "127.0.0.1", "10.0.0.0/8") whose
    /// X-Forwarded-For and X-Forwarded-Proto headers name the real client and scheme. Default empty:
    /// the headers are ignored, and the connection's own address is the client.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    public bool Enabled => !string.IsNullOrEmpty(Password) || !string.IsNullOrEmpty(PasswordHash);
}

internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions o)
    {
        const string s = AdminOptions.Section;
        var errors = new List<string>();
        if (!string.IsNullOrEmpty(o.Password) && !string.IsNullOrEmpty(o.PasswordHash))
            errors.Add($"{s}: set Password or PasswordHash, not both");
        if (!string.IsNullOrEmpty(o.PasswordHash) && !AdminPassword.IsWellFormedHash(o.PasswordHash))
            errors.Add($"{s}:PasswordHash is not an ASP.NET Core Identity v3 password hash (base64, starting with AQAAAA)");
        if (o.MaxFailedSignIns < 1) errors.Add($"{s}:MaxFailedSignIns must be at least 1 (got {o.MaxFailedSignIns})");
        if (o.LockoutDuration <= TimeSpan.Zero) errors.Add($"{s}:LockoutDuration must be positive (got {o.LockoutDuration})");
        if (o.SessionLifetime <= TimeSpan.Zero) errors.Add($"{s}:SessionLifetime must be positive (got {o.SessionLifetime})");
        for (var i = 0; i < o.TrustedProxies.Count; i++)
            if (TrustedProxies.Parse(o.TrustedProxies[i]) is null)
                errors.Add($"{s}:TrustedProxies:{i} is not an IP address or CIDR network such as 10.0.0.0/8 (got '{o.TrustedProxies[i]}')");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
