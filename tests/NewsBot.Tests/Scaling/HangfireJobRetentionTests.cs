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

    public static TheoryData<string> JobsOfTheService => ["dispatch", "mentions", "page"];

    /// <summary>
    /// Hangfire keeps a failed job for ever (failed is not a final state): a job that keeps failing, say while a
    /// platform is down for a day, piled up rows in PostgreSQL and memory next to SQLite. Each job of the service
    /// is deleted when its retries are used up, and a deleted job expires like a finished one.
    /// </summary>
    [Theory]
    [MemberData(nameof(JobsOfTheService))]
    public void A_job_whose_retries_are_used_up_is_deleted_and_expires_not_kept_as_failed(string job)
    {
        GlobalConfiguration.Configuration.UseLogProvider(new Hangfire.Logging.LogProviders.ColouredConsoleLogProvider(Hangfire.Logging.LogLevel.Fatal));
        var storage = HangfireStorageChoice.CreateInMemoryStorage();
        var client = new BackgroundJobClient(storage);
        var id = job switch
        {
            "dispatch" => client.Create<NewsBot.Pipeline.Deliver.AlertDispatcher>(d => d.DispatchPendingAsync(CancellationToken.None), new EnqueuedState()),
            "mentions" => client.Create<NewsBot.Pipeline.Deliver.Mentions.MentionSender>(m => m.DispatchAsync(CancellationToken.None), new EnqueuedState()),
            _ => client.Create<NewsBot.Pipeline.Enrich.ArticlePageEnricher>(e => e.EnrichAsync(1, CancellationToken.None), new EnqueuedState()),
        };
        using var connection = storage.GetConnection();
        connection.SetJobParameter(id, "RetryCount", "3"); // every retry the job allows has been used

        // As a worker does when the job threw: the state machine elects Failed, and the job's retry filter decides.
        new BackgroundJobStateChanger().ChangeState(new StateChangeContext(storage, connection, id, new FailedState(new InvalidOperationException("the platform is down"))));

        var details = storage.GetMonitoringApi().JobDetails(id);
        Assert.Equal(DeletedState.StateName, details.History[0].StateName);
        Assert.NotNull(details.ExpireAt);
        Assert.InRange(details.ExpireAt.Value - DateTime.UtcNow, TimeSpan.Zero, HangfireStorageChoice.JobRetention + TimeSpan.FromSeconds(5));
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
