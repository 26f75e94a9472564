using System.Collections.Concurrent;

namespace NewsBot.Sources.Fetching;

/// <summary>
/// At most N requests in flight per host, so many sources on one site do not hammer it and a slow
/// site only queues its own fetches. One gate per host name ever fetched: a handful of bytes each,
/// bounded by the number of configured sources.
/// </summary>
internal sealed class HostConcurrencyLimit(int perHost)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    public async Task<Slot> EnterAsync(string host, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(host, _ => new SemaphoreSlim(perHost, perHost));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        return new Slot(gate);
    }

    public sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
