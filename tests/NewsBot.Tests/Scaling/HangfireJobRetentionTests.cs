using Hangfire;
using Hangfire.States;
using NewsBot.Scaling;

namespace NewsBot.Tests.Scaling;

/// <summary>Finished jobs are kept minutes, not hours: at hundreds of polls a second their history was gigabytes.</summary>
public sealed class HangfireJobRetentionTests
{
    [Fact]
    public void A_finished_job_in_the_single_instance_storage_expires_within_minutes()
    {
        // Hangfire's log provider is process-wide: a host built by another test here set it to that
        // host's logger factory, disposed by now (ObjectDisposedException in CI when run after one).
        GlobalConfiguration.Configuration.UseLogProvider(new Hangfire.Logging.LogProviders.ColouredConsoleLogProvider(Hangfire.Logging.LogLevel.Fatal));
        var storage = HangfireStorageChoice.CreateInMemoryStorage();
        var client = new BackgroundJobClient(storage);
        var id = client.Create(() => RetentionJob.Finished(), new EnqueuedState("retention-test"));
        using var connection = storage.GetConnection();

        // As a worker does after the job ran: the state machine applies Succeeded and sets the expiry.
        var changed = new BackgroundJobStateChanger().ChangeState(new StateChangeContext(storage, connection, id, new SucceededState(null, 1, 1)));

        Assert.NotNull(changed);
        var expireAt = storage.GetMonitoringApi().JobDetails(id).ExpireAt;
        Assert.NotNull(expireAt);
        // Hangfire.InMemory stamps times from its own monotonic clock, which may run a little ahead of DateTime.UtcNow.
        Assert.InRange(expireAt.Value - DateTime.UtcNow, TimeSpan.Zero, HangfireStorageChoice.JobRetention + TimeSpan.FromSeconds(5));
        Assert.InRange(HangfireStorageChoice.JobRetention, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));
    }
}

/// <summary>The job's method; never run here.</summary>
public static class RetentionJob
{
    /// <summary>Does nothing.</summary>
    public static void Finished()
    {
    }
}
