namespace NewsBot.Core.Summaries;

public enum SummaryMethod { Extractive, Model }

/// <summary>
/// A summary and how it was made. <see cref="FallbackReason"/> says why the model was not used
/// (budget, timeout, error, unusable reply) so the host can log it.
/// </summary>
public sealed record SummaryOutcome(string Text, SummaryMethod Method, string? FallbackReason = null);
