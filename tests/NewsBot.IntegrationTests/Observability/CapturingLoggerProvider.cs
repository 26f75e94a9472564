using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NewsBot.IntegrationTests.Observability;

/// <summary>
/// Keeps everything any logger of the host writes: category, formatted message, every structured
/// field, scopes and the full exception text (type, message, stack, inner exceptions), so a test
/// can search all of it for a secret.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => _entries;

    public string AllText => string.Join("\n", _entries);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { $"{logLevel} {category}: {formatter(state, exception)}" };
            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
                parts.AddRange(fields.Select(f => $"  {f.Key}={f.Value}"));
            owner._scopes.ForEachScope((scope, list) => list.Add($"  scope: {scope}"), parts);
            if (exception is not null) parts.Add(exception.ToString());
            owner._entries.Enqueue(string.Join("\n", parts));
        }
    }
}
