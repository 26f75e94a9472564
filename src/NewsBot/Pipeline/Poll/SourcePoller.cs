using NewsBot.Pipeline.Push;
using NewsBot.Sources.Reading;

namespace NewsBot.Pipeline.Poll;

/// <summary>
/// Polls one claimed source: fetch and parse, then hand the result to the path that records it. A
/// feed that was read goes through ingest and match in a transaction of its own
/// (<see cref="PollRecorder"/>); a 304 or a failure, nearly every poll, joins the next batch
/// (<see cref="PollResultWriter"/>). A feed that names a WebSub hub is subscribed to after its read is recorded.
/// </summary>
public sealed class SourcePoller(SourceFeedReader reader, PollRecorder recorder, PollResultWriter writer, HubSubscriptionStarter push)
{
    /// <summary>Ends when the result is recorded (a read feed) or queued for its batch (anything else; waits while the batch queue is full).</summary>
    public async Task PollAsync(ClaimedSource source, CancellationToken ct)
    {
        var read = await reader.ReadAsync(source.ReadRequest(), ct);
        if (read is FeedRead.Read fresh)
        {
            await recorder.RecordAsync(source.Id, fresh, ct);
            if (source.Kind == Storage.Entities.SourceKind.Feed) await push.NoticeAsync(source.Id, fresh, ct);
        }
        else await writer.AddAsync(source.Id, read, ct);
    }
}
