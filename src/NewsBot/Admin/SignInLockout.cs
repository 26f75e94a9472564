using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace NewsBot.Admin;

/// <summary>
/// Counts failed sign-ins per client address; after NewsBot:Admin:MaxFailedSignIns the address is
/// locked out for LockoutDuration, even for the right password, so guessing stays slow.
/// </summary>
public sealed class SignInLockout(IOptions<AdminOptions> options, TimeProvider time)
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
        Prune(now);
        return;

        Entry Next(Entry e) => e.Failures + 1 >= o.MaxFailedSignIns
            ? e with { Failures = e.Failures + 1, LockedUntil = now + o.LockoutDuration }
            : e with { Failures = e.Failures + 1 };
    }

    public void RecordSuccess(IPAddress? client) => _entries.TryRemove(Key(client), out _);

    private static string Key(IPAddress? client) => client?.MapToIPv6().ToString() ?? "unknown";

    /// <summary>Keeps the table small when many addresses try once.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (_entries.Count < 10_000) return;
        var horizon = options.Value.LockoutDuration;
        foreach (var (key, e) in _entries)
            if ((e.LockedUntil ?? e.WindowStart + horizon) < now) _entries.TryRemove(key, out _);
    }
}
