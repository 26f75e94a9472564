using NewsBot.Core.Summaries;
using Xunit.Abstractions;

namespace NewsBot.Core.Tests.Summaries;

public sealed class ExtractiveSummarizerTests(ITestOutputHelper output)
{
    [Fact]
    public void Seed_article_summarizes_to_the_officials_statement_on_progress()
    {
        var article = SummaryTestArticle.Load("ceasefire-article.txt");

        var summary = ExtractiveSummarizer.Summarize(article.Headline, article.Body, ["ceasefire"]);

        output.WriteLine($"{summary.Length} chars: {summary}");
        Assert.Contains("clear progress in the ceasefire talks", summary);
        Assert.True(summary.Length <= 300, $"{summary.Length} chars");
        Assert.DoesNotContain("Read more", summary);
        Assert.DoesNotContain("Exclusive", summary);
        Assert.DoesNotContain("Gallant", summary);
    }

    [Theory]
    [InlineData("wire-quake.txt", "A magnitude 7.1 earthquake struck off the coast of southern Japan", "TOKYO|(Reuters)|Editing|REUTERS/|Trust Principles")]
    [InlineData("arabic-storm.txt", "ضربت عاصفة قوية شرق ليبيا، وتسببت في فيضانات واسعة في مدينة درنة.", "اقرأ|تابعونا")]
    [InlineData("hebrew-rates.txt", "בנק ישראל הודיע היום כי הריבית תיוותר ללא שינוי ברמה של 4.5%.", "קראו|צילום")]
    [InlineData("french-strike.txt", "Un TGV sur deux sera annulé ce week-end", "Abonnez|©|lire aussi")]
    [InlineData("us-senate.txt", "The U.S. Senate on Tuesday passed a $95.3 billion aid package for Ukraine, Israel and Taiwan.", "Getty|Sign up|Follow us")]
    public void Articles_in_several_languages_summarize_to_their_lead_without_boilerplate(string file, string lead, string forbidden)
    {
        var article = SummaryTestArticle.Load(file);

        var summary = ExtractiveSummarizer.Summarize(article.Headline, article.Body, []);

        output.WriteLine($"{file}: {summary.Length} chars: {summary}");
        Assert.Contains(lead, summary);
        Assert.All(forbidden.Split('|'), f => Assert.DoesNotContain(f, summary));
    }

    [Fact]
    public void Two_short_sentences_fit_together()
    {
        var article = SummaryTestArticle.Load("us-senate.txt");

        var summary = ExtractiveSummarizer.Summarize(article.Headline, article.Body, []);

        Assert.Equal("The U.S. Senate on Tuesday passed a $95.3 billion aid package for Ukraine, Israel and Taiwan. The vote was 70-29.", summary);
    }

    [Fact]
    public void Matched_terms_pick_the_sentence_that_explains_the_alert()
    {
        const string headline = "Stocks mixed ahead of jobs data";
        const string body = "Wall Street ended mixed on Monday as investors waited for Friday's jobs report and weighed comments from Fed officials.\n" +
                            "Treasury yields were little changed and the dollar edged higher against the yen in thin holiday trading.\n" +
                            "Shares of Nvidia rose 4% after the chipmaker raised its revenue forecast for the quarter on strong demand for its processors.";

        var withoutTerms = ExtractiveSummarizer.Summarize(headline, body, [], maxChars: 160);
        var withTerm = ExtractiveSummarizer.Summarize(headline, body, ["nvidia"], maxChars: 160);

        Assert.DoesNotContain("Nvidia", withoutTerms);
        Assert.Contains("Shares of Nvidia rose 4%", withTerm);
    }

    public static TheoryData<string, int> FilesAndBudgets()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in SummaryTestArticle.Files())
            foreach (var budget in new[] { 300, 140, 60 })
                data.Add(file, budget);
        return data;
    }

    [Theory]
    [MemberData(nameof(FilesAndBudgets))]
    public void Summaries_fit_the_budget_and_end_on_a_sentence_or_word_boundary(string file, int maxChars)
    {
        var article = SummaryTestArticle.Load(file);

        var summary = ExtractiveSummarizer.Summarize(article.Headline, article.Body, [], maxChars);

        output.WriteLine($"{file} @ {maxChars}: {summary.Length} chars");
        Assert.True(summary.Length <= maxChars, $"{summary.Length} > {maxChars}");
        if (!summary.EndsWith('…')) return;
        var kept = summary[..^1];
        var at = article.Body.IndexOf(kept, StringComparison.Ordinal);
        Assert.True(at >= 0, "a cut summary is a prefix of one sentence");
        var next = article.Body[at + kept.Length];
        Assert.False(char.IsLetterOrDigit(next), $"cut mid-word before '{next}'");
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("City council approves new bike lanes", true)]
    [InlineData("City council approves new bike lanes […]\nThe post City council approves new bike lanes appeared first on Metro Daily.", true)]
    [InlineData("Read more: City council news\nFollow us on Facebook", true)]
    [InlineData("Council votes tonight.", true)]
    [InlineData("The city council voted 7-2 on Monday to build 40 km of protected bike lanes by 2026.", false)]
    public void Needs_page_text_when_the_description_says_nothing_new(string description, bool needsPage)
    {
        Assert.Equal(needsPage, ExtractiveSummarizer.NeedsPageText("City council approves new bike lanes", description));
    }

    [Fact]
    public void A_description_that_is_all_boilerplate_gives_an_empty_summary()
    {
        var article = SummaryTestArticle.Load("wordpress-short.txt");

        Assert.Equal("", ExtractiveSummarizer.Summarize(article.Headline, article.Body, []));
    }
}
