using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace NewsBot.Admin;

/// <summary>
/// The admin sessions this instance signed in and not yet out. The cookie alone is a bearer token
/// that stays valid until it expires; with this record, signing out ends the session on the server,
/// so a copied cookie stops working at the same moment. Kept in memory: a restart signs everyone out,
/// and with several instances the console wants sticky sessions (or one instance serving /admin).
/// </summary>
internal sealed class AdminSessions(TimeProvider time, IOptions<AdminOptions> options)
{
    public const string ClaimType = "newsbot:admin-session";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);

    public string Start()
    {
        var now = time.GetUtcNow();
        // Bounded without a timer: sign-ins are few (the lock-out sees to that), and each one drops the expired.
        foreach (var (id, seen) in _lastSeen)
            if (now - seen > options.Value.SessionLifetime) _lastSeen.TryRemove(id, out _);
        var session = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _lastSeen[session] = now;
        return session;
    }

    /// <summary>Whether the session is signed in and has been used within the session lifetime; using it keeps it alive, as the sliding cookie does.</summary>
    public bool Touch(string? session)
    {
        if (session is null || !_lastSeen.TryGetValue(session, out var seen)) return false;
        var now = time.GetUtcNow();
        if (now - seen > options.Value.SessionLifetime)
        {
            _lastSeen.TryRemove(session, out _);
            return false;
        }
        _lastSeen[session] = now;
        return true;
    }

    public void End(string? session)
    {
        if (session is not null) _lastSeen.TryRemove(session, out _);
    }

    /// <summary>The cookie handler's check on every request: a cookie whose session was ended (or never known here) signs nobody in.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<AdminSessions>();
        if (sessions.Touch(context.Principal?.FindFirst(ClaimType)?.Value)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(AdminAuth.Scheme);
    }
}
