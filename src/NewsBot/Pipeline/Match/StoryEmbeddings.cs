using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Core.Summaries;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Match;

/// <summary>
/// Embeds a poll's alerting articles with the optional model (NewsBot:Stories:Embeddings), one request
/// per poll, so reports of one event can join on meaning, across wording and languages. The model
/// never holds a poll up or fails it: on a timeout, an error, a spent budget, an open circuit or a
/// reply that does not fit, the articles simply have no embedding and group lexically.
/// </summary>
public sealed partial class StoryEmbeddings(
    IEmbeddingGenerator<string, Embedding<float>> generator,
    IOptions<StoryEmbeddingsOptions> options,
    TimeProvider time,
    ILogger<StoryEmbeddings> log)
{
    private readonly MinuteBudget _budget = new(options.Value.RequestsPerMinute, time);
    private readonly StoryEmbeddingsFallbackLog _fallbackLog = new(options.Value, time, log);

    /// <summary>Stops requests while the endpoint keeps failing.</summary>
    public StoryEmbeddingsCircuit Circuit { get; } = new(time);

    /// <summary>
    /// Sets <see cref="Article.StoryEmbedding"/> on the first MaxTextsPerRequest of
    /// <paramref name="articles"/>, or on none when the model fails; only the poll's own cancellation
    /// (<paramref name="ct"/>) is thrown.
    /// </summary>
    public async Task EmbedAsync(IReadOnlyList<Article> articles, CancellationToken ct)
    {
        if (articles.Count == 0 || !Circuit.AllowsRequest()) return;
        var o = options.Value;
        if (!_budget.TryTake())
        {
            _fallbackLog.Fallback($"budget of {o.RequestsPerMinute} requests per minute used up", null);
            return;
        }
        var batch = articles.Count > o.MaxTextsPerRequest ? articles.Take(o.MaxTextsPerRequest).ToList() : articles;
        var texts = batch.Select(a => TextOf(a, o.MaxTextChars)).ToList();
        using var timeout = new CancellationTokenSource(o.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        GeneratedEmbeddings<Embedding<float>> reply;
        try
        {
            reply = await generator.GenerateAsync(texts, new EmbeddingGenerationOptions { ModelId = o.ModelId }, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            Failed($"no reply within {o.Timeout.TotalSeconds:0.###} s", null);
            return;
        }
        catch (ClientResultException e) when (e.Status != 0)
        {
            // The exception's message carries the response body; the status is all an operator needs.
            Failed($"HTTP {e.Status}", e.Status == 429 ? RetryAfter(e) : null);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No response at all (refused, reset, DNS): the client wraps the transport's exception, which says more.
            var cause = e is ClientResultException { InnerException: { } inner } ? inner : e;
            Failed($"{cause.GetType().Name}: {_fallbackLog.WithoutKey(cause.Message)}", null);
            return;
        }
        if (StoryEmbeddingsReply.Problem(reply, texts.Count) is { } problem)
        {
            Failed(problem, null);
            return;
        }
        Circuit.Succeeded();
        for (var i = 0; i < batch.Count; i++) batch[i].StoryEmbedding = StoryEmbeddingBytes.ToBytes(reply[i].Vector.Span);
    }

    /// <summary>The headline, then the lead (the text's first lines), cut to <paramref name="maxChars"/>.</summary>
    public static string TextOf(Article article, int maxChars)
    {
        var text = article.Text.Length == 0 ? article.Title : article.Title + "\n" + article.Text[..Math.Min(article.Text.Length, maxChars)];
        return text.Length <= maxChars ? text : text[..maxChars];
    }

    private void Failed(string reason, TimeSpan? retryAfter)
    {
        Circuit.Failed(retryAfter);
        _fallbackLog.Fallback(reason, Circuit.OpenUntil);
    }

    /// <summary>RFC 9110 §10.2.3: Retry-After is delay-seconds or an HTTP date.</summary>
    private TimeSpan? RetryAfter(ClientResultException e)
    {
        if (e.GetRawResponse() is not { } response || !response.Headers.TryGetValue("Retry-After", out var value) || value is null) return null;
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at - time.GetUtcNow() : null;
    }
}
