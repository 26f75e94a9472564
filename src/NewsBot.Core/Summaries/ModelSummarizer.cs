using Microsoft.Extensions.AI;

namespace NewsBot.Core.Summaries;

/// <summary>
/// Summaries from a chat model (OpenAI-compatible endpoint or Ollama behind <see cref="IChatClient"/>),
/// bounded by a timeout and a per-minute budget. Any failure — budget spent, timeout, error, an empty,
/// refusing or over-long reply — falls back to <see cref="ExtractiveSummarizer"/>: an alert never
/// waits on or fails because of the model.
/// </summary>
public sealed class ModelSummarizer(IChatClient client, ModelSummarizerOptions options, TimeProvider time)
{
    private readonly MinuteBudget _budget = new(options.RequestsPerMinute, time);

    public async Task<SummaryOutcome> SummarizeAsync(
        string headline, string text, IReadOnlyList<string> matchedTerms, int maxChars = 300, CancellationToken cancellationToken = default)
    {
        SummaryOutcome Fallback(string reason) =>
            new(ExtractiveSummarizer.Summarize(headline, text, matchedTerms, maxChars), SummaryMethod.Extractive, $"model summarizer: {reason}");

        if (ExtractiveSummarizer.NeedsPageText(headline, text)) return Fallback("article text too short to summarize");
        if (!_budget.TryTake()) return Fallback($"budget of {_budget.PerMinute} requests per minute used up");

        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        string reply;
        try
        {
            var response = await client.GetResponseAsync(ModelPrompt.Messages(headline, text, matchedTerms, maxChars, options.MaxInputChars),
                new ChatOptions { ModelId = options.ModelId, Temperature = 0.2f, MaxOutputTokens = maxChars / 2 }, linked.Token).ConfigureAwait(false);
            reply = response.Text;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Fallback($"no reply within {options.Timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Fallback($"request failed ({e.GetType().Name}: {e.Message})");
        }

        var summary = ModelPrompt.CleanReply(reply);
        if (summary is null) return Fallback("reply was empty or not a summary");
        if (summary.Length > maxChars) summary = SummaryCut.ToLength(summary, maxChars);
        return new SummaryOutcome(summary, SummaryMethod.Model);
    }
}
