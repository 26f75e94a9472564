using NewsBot.Storage.Entities;

namespace NewsBot.Admin;

/// <summary>What the sources table shows for one source: a status word, backoff and items per day.</summary>
internal sealed record SourceHealth(string Status, string? Backoff, double ItemsPerDay)
{
    /// <summary>Items per day are measured over the last week, or over the source's life when it is younger.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public static SourceHealth Of(Source s, int articlesInWindow, DateTime now)
    {
        var status = s.Paused ? "paused"
            : s.ConsecutiveFailures > 0 || s.LastError is not null ? "failing"
            : s.LastSuccessAt is null ? "new"
            : "healthy";
        var backoff = s.ConsecutiveFailures > 0
            ? $"{s.ConsecutiveFailures} failure{(s.ConsecutiveFailures == 1 ? "" : "s")} in a row; retry at {AdminLayout.When(s.NextPollAt)}"
            : null;
        var days = Math.Max(1, Math.Min(Window.TotalDays, (now - s.CreatedAt).TotalDays));
        return new SourceHealth(status, backoff, articlesInWindow / days);
    }
}
