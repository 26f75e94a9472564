using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Summaries;

namespace NewsBot.Core.Tests.Summaries;

public sealed class ModelSummarizerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 1, 24, 8, 0, 0, TimeSpan.Zero));
    private readonly SummaryTestArticle _article = SummaryTestArticle.Load("us-senate.txt");
    private string Extractive => ExtractiveSummarizer.Summarize(_article.Headline, _article.Body, ["Taiwan"]);

    private ModelSummarizer Summarizer(FakeChatClient client, int perMinute = 20) =>
        new(client, new ModelSummarizerOptions { Timeout = TimeSpan.FromSeconds(10), RequestsPerMinute = perMinute, ModelId = "llama3.2" }, _time);

    private Task<SummaryOutcome> Summarize(ModelSummarizer summarizer, CancellationToken cancellationToken = default) =>
        summarizer.SummarizeAsync(_article.Headline, _article.Body, ["Taiwan"], 300, cancellationToken);

    [Fact]
    public async Task A_timely_model_reply_is_the_summary()
    {
        var client = new FakeChatClient((_, _) => Task.FromResult("The Senate approved $95.3 billion in aid for Ukraine, Israel and Taiwan by 70-29."));

        var outcome = await Summarize(Summarizer(client));

        Assert.Equal(new SummaryOutcome("The Senate approved $95.3 billion in aid for Ukraine, Israel and Taiwan by 70-29.", SummaryMethod.Model), outcome);
    }

    [Fact]
    public async Task The_request_carries_headline_terms_limit_and_model()
    {
        var client = new FakeChatClient((_, _) => Task.FromResult("Aid passed."));

        await Summarize(Summarizer(client));

        var request = Assert.Single(client.Requests);
        Assert.Equal(ChatRole.System, request[0].Role);
        Assert.Contains("at most 300 characters", request[0].Text);
        Assert.Contains(_article.Headline, request[1].Text);
        Assert.Contains("Taiwan", request[1].Text);
        Assert.Equal("llama3.2", client.Options[0]?.ModelId);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_falls_back_to_extraction()
    {
        var client = new FakeChatClient(async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return "too late";
        });

        var pending = Summarize(Summarizer(client));
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(10));
        var outcome = await pending;

        Assert.Equal(SummaryMethod.Extractive, outcome.Method);
        Assert.Equal(Extractive, outcome.Text);
        Assert.Equal("model summarizer: no reply within 10 s", outcome.FallbackReason);
    }

    [Fact]
    public async Task A_failing_model_falls_back_with_the_cause()
    {
        var client = new FakeChatClient((_, _) => throw new HttpRequestException("Response status code does not indicate success: 503 (Service Unavailable)."));

        var outcome = await Summarize(Summarizer(client));

        Assert.Equal(Extractive, outcome.Text);
        Assert.Equal(SummaryMethod.Extractive, outcome.Method);
        Assert.Contains("HttpRequestException", outcome.FallbackReason);
        Assert.Contains("503", outcome.FallbackReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("I'm sorry, but I can't help with that.")]
    [InlineData("Here is a concise summary of the article for you")]
    [InlineData("***")]
    public async Task An_empty_or_refusing_reply_falls_back(string reply)
    {
        var outcome = await Summarize(Summarizer(new FakeChatClient((_, _) => Task.FromResult(reply))));

        Assert.Equal(SummaryMethod.Extractive, outcome.Method);
        Assert.Equal("model summarizer: reply was empty or not a summary", outcome.FallbackReason);
    }

    [Theory]
    [InlineData("Summary: The Senate passed the aid bill.", "The Senate passed the aid bill.")]
    [InlineData("Here is the summary: The Senate passed the aid bill.", "The Senate passed the aid bill.")]
    [InlineData("\"The Senate passed the aid bill.\"", "The Senate passed the aid bill.")]
    [InlineData("The Senate passed\n\nthe aid bill.", "The Senate passed the aid bill.")]
    public async Task Chatter_around_the_summary_is_removed(string reply, string expected)
    {
        var outcome = await Summarize(Summarizer(new FakeChatClient((_, _) => Task.FromResult(reply))));

        Assert.Equal(new SummaryOutcome(expected, SummaryMethod.Model), outcome);
    }

    [Fact]
    public async Task An_over_long_reply_is_cut_to_the_limit_on_a_boundary()
    {
        var reply = string.Join(' ', Enumerable.Repeat("The Senate passed a large aid bill for allies after a long debate.", 8));

        var outcome = await Summarize(Summarizer(new FakeChatClient((_, _) => Task.FromResult(reply))));

        Assert.Equal(SummaryMethod.Model, outcome.Method);
        Assert.True(outcome.Text.Length <= 300);
        Assert.EndsWith("debate.", outcome.Text);
    }

    [Fact]
    public async Task Beyond_the_per_minute_budget_summaries_are_extractive_until_the_minute_passes()
    {
        var client = new FakeChatClient((_, _) => Task.FromResult("Aid passed."));
        var summarizer = Summarizer(client, perMinute: 2);

        var first = await Summarize(summarizer);
        _time.Advance(TimeSpan.FromSeconds(20));
        var second = await Summarize(summarizer);
        var third = await Summarize(summarizer);
        _time.Advance(TimeSpan.FromSeconds(40));
        var fourth = await Summarize(summarizer);

        Assert.Equal([SummaryMethod.Model, SummaryMethod.Model, SummaryMethod.Extractive, SummaryMethod.Model],
            [first.Method, second.Method, third.Method, fourth.Method]);
        Assert.Equal("model summarizer: budget of 2 requests per minute used up", third.FallbackReason);
        Assert.Equal(3, client.Requests.Count);
    }

    [Fact]
    public async Task Shutting_down_cancels_instead_of_falling_back()
    {
        var client = new FakeChatClient(async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return "never";
        });
        using var shutdown = new CancellationTokenSource();

        var pending = Summarize(Summarizer(client), shutdown.Token);
        await shutdown.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task Text_too_short_to_summarize_is_not_sent_to_the_model()
    {
        var client = new FakeChatClient((_, _) => Task.FromResult("Invented facts."));

        var outcome = await Summarizer(client).SummarizeAsync("Council approves bike lanes", "Council approves bike lanes", []);

        Assert.Empty(client.Requests);
        Assert.Equal(SummaryMethod.Extractive, outcome.Method);
        Assert.Equal("", outcome.Text);
    }
}
