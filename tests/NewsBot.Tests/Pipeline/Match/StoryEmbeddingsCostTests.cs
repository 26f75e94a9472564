using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsBot.Sources.Parsing;
using Xunit.Abstractions;

namespace NewsBot.Tests.Pipeline.Match;

/// <summary>
/// What the model costs a poll against the fake server on loopback (the HTTP round trip and the JSON,
/// not a model's own inference time): one request however many articles, ~1.5 KB stored per article
/// at 768 dimensions. Prints the times with and without the model.
/// </summary>
public sealed class StoryEmbeddingsCostTests(ITestOutputHelper output)
{
    private const int Polls = 20;
    private const int ArticlesPerPoll = 25;

    [Fact]
    public async Task A_poll_of_25_articles_costs_one_request_and_1537_stored_bytes_per_article_at_768_dimensions()
    {
        var without = await MeasureAsync(withModel: false);
        var with = await MeasureAsync(withModel: true);

        output.WriteLine($"median poll of {ArticlesPerPoll} articles: {without.Median.TotalMilliseconds:0.0} ms without the model, " +
            $"{with.Median.TotalMilliseconds:0.0} ms with it (x{with.Median / without.Median:0.00}), of which the request {with.Request.TotalMilliseconds:0.0} ms; " +
            $"{with.BytesPerArticle} bytes stored per article");
        Assert.Equal(Polls, with.Requests);
        Assert.Equal(0, without.Requests);
        Assert.Equal(1 + 768 * 2, with.BytesPerArticle);
    }

    private static async Task<(TimeSpan Median, TimeSpan Request, int Requests, double BytesPerArticle)> MeasureAsync(bool withModel)
    {
        await using var world = await EmbeddingsWorld.CreateAsync(withModel);
        world.Server.Dimensions = 768;
        var wire = await world.AddSourceAsync("Wire A");
        await world.PollAsync(wire, world.Item("warm-up", "Warm-up report on ceasefire talks")); // JIT, connection
        var times = new List<TimeSpan>();
        for (var poll = 0; poll < Polls; poll++)
        {
            var items = Enumerable.Range(0, ArticlesPerPoll).Select(i => Article(world, poll, i)).ToArray();
            var watch = Stopwatch.StartNew();
            await world.PollAsync(wire, items);
            times.Add(watch.Elapsed);
        }
        await using var db = world.Database.Open();
        var articles = await db.Articles.ToListAsync();
        var stored = articles.Where(a => a.StoryEmbedding != null).Select(a => a.StoryEmbedding!.Length).ToList();
        var requests = world.Server.RequestCount - (withModel ? 1 : 0);
        var requestTimes = new List<TimeSpan>();
        for (var poll = 0; poll < Polls && world.Embeddings is { } model; poll++)
        {
            var watch = Stopwatch.StartNew();
            await model.EmbedAsync(articles.Skip(1 + poll * ArticlesPerPoll).Take(ArticlesPerPoll).ToList(), CancellationToken.None);
            requestTimes.Add(watch.Elapsed);
        }
        return (Median(times), requestTimes.Count == 0 ? TimeSpan.Zero : Median(requestTimes), requests, stored.Count == 0 ? 0 : stored.Average());
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    private static FeedItem Article(EmbeddingsWorld world, int poll, int i) =>
        world.Item($"p{poll}-{i}", $"Ceasefire talks round {poll} report {i}: mediators meet delegations in city {i * 7 + poll}",
            $"Officials said on day {poll} that negotiators in city {i * 7 + poll} discussed stage {i} of the exchange, with aid agencies calling for access to hospitals and fuel deliveries.");
}
