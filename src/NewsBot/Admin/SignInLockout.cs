using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace NewsBot.Admin;

/// <summary>
/// Counts failed sign-ins per client address; after NewsBot:Admin:MaxFailedSignIns the address is
/// locked out for LockoutDuration, even for the right password, so guessing stays slow.
/// </summary>
public sealed partial class SignInLockout(IOptions<AdminOptions> options, TimeProvider time, ILogger<SignInLockout> log)
{
    private sealed record Entry(int Failures, DateTimeOffset WindowStart, DateTimeOffset? LockedUntil);

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    /// <summary>When the address may try again, or null when it may try now.</summary>
    public DateTimeOffset? LockedUntil(IPAddress? client)
    {
        var now = time.GetUtcNow();
        return _entries.TryGetValue(Key(client), out var e) && e.LockedUntil > now ? e.LockedUntil : null;
    }

    public void RecordFailure(IPAddress? client)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        _entries.AddOrUpdate(Key(client),
            _ => Next(new Entry(0, now, null)),
            (_, e) => Next(e.LockedUntil <= now || now - e.WindowStart > o.LockoutDuration ? new Entry(0, now, null) : e));
        if (LockedUntil(client) is { } until) LogLockedOut(Key(client), o.MaxFailedSignIns, until);
        else LogFailed(Key(client));
        Prune(now);
        return;

        Entry Next(Entry e) => e.Failures + 1 >= o.MaxFailedSignIns
            ? e with { Failures = e.Failures + 1, LockedUntil = now + o.LockoutDuration }
            : e with { Failures = e.Failures + 1 };
    }

    public void RecordSuccess(IPAddress? client) => _entries.TryRemove(Key(client), out _);

    // Logged so an operator (or fail2ban) sees guessing; the attempted password is never logged.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin sign-in failed from {Client}")]
    private partial void LogFailed(string client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin sign-in locked for {Client} after {Failures} failures, until {Until:u}")]
    private partial void LogLockedOut(string client, int failures, DateTimeOffset until);

    /// <summary>An IPv4 address, or an IPv6 /64 (one host usually holds a whole /64, so rotating within it is no way around the lock).</summary>
    private static string Key(IPAddress? client)
    {
        if (client is null) return "unknown";
        if (client.IsIPv4MappedToIPv6) client = client.MapToIPv4();
        if (client.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return client.ToString();
        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Keeps the table small when many addresses try once.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (_entries.Count < 10_000) return;
        var horizon = options.Value.LockoutDuration;
        foreach (var (key, e) in _entries)
            if ((e.LockedUntil ?? e.WindowStart + horizon) < now) _entries.TryRemove(key, out _);
    }
}
