using System.Threading.Channels;

namespace NewsBot.Telegram.Tests.Intake;

/// <summary>Replaces the polling loop's waits: records each requested delay and holds it until the test releases it.</summary>
internal sealed class DelayRecorder : IDisposable
{
    private readonly Channel<TimeSpan> _requested = Channel.CreateUnbounded<TimeSpan>();
    private readonly SemaphoreSlim _release = new(0);

    public async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        _requested.Writer.TryWrite(delay);
        await _release.WaitAsync(ct);
    }

    public async Task<TimeSpan> NextAsync() =>
        await _requested.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public void Release() => _release.Release();

    public void Dispose() => _release.Dispose();
}
