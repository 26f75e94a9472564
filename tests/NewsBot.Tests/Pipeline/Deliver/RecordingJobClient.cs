using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace NewsBot.Tests.Pipeline.Deliver;

/// <summary>Keeps the jobs the outbox schedules (retries, digest times) instead of running them: the test runs rounds itself.</summary>
public sealed class RecordingJobClient : IBackgroundJobClient
{
    private readonly List<(Job Job, IState State)> _created = [];

    public IReadOnlyList<(Job Job, IState State)> Created { get { lock (_created) return _created.ToList(); } }

    public string Create(Job job, IState state)
    {
        lock (_created)
        {
            _created.Add((job, state));
            return _created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
