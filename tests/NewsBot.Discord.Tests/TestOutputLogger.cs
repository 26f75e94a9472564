using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>Writes the client's log lines into the test output, so a failing gateway test shows what happened.</summary>
internal sealed class TestOutputLogger<T>(ITestOutputHelper output) : ILogger<T>
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return _lines.ToList(); }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.Message)}";
        lock (_lines) _lines.Add(line);
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has already finished; the line stays in Lines.
        }
    }
}

/// <summary>A jitter source with a fixed value, so the first heartbeat's delay is known.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;
}
