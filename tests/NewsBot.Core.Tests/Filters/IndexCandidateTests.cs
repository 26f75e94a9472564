using NewsBot.Core.Filters;

namespace NewsBot.Core.Tests.Filters;

/// <summary>The index verifies only filters that share a term with the article, not every filter.</summary>
public class IndexCandidateTests
{
    private static string Name(int i) => "name" + (char)('a' + i % 26) + (char)('a' + i / 26 % 26) + (char)('a' + i / 676 % 26);

    [Fact]
    public void Only_filters_keyed_on_a_word_of_the_article_are_verified()
    {
        using var index = new FilterIndex();
        for (var i = 0; i < 5000; i++) index.Add(i, i, FilterAssert.Parsed(Name(i)));
        var article = new ArticleText($"Talks with {Name(42)} and {Name(4242)}", "Nothing else of note.", "Wire", null);
        Assert.Equal(2, index.CountCandidates(article));
        Assert.Equal([42L, 4242L], index.Match(article).Select(m => m.FilterId).Order());
    }

    [Fact]
    public void Filter_with_several_words_is_keyed_on_the_one_fewest_filters_share()
    {
        using var index = new FilterIndex();
        for (var i = 0; i < 1000; i++) index.Add(i, i, FilterAssert.Parsed($"{Name(i)} gaza"));
        // Every article about Gaza would otherwise make all thousand filters candidates.
        var article = new ArticleText("Gaza update", $"{Name(7)} spoke.", "Wire", null);
        Assert.Equal(1, index.CountCandidates(article));
        Assert.Equal([7L], index.Match(article).Select(m => m.FilterId).Order());
    }

    [Fact]
    public void Candidate_without_its_second_required_term_is_skipped_unverified()
    {
        using var index = new FilterIndex();
        for (var i = 0; i < 100; i++) index.Add(i, i, FilterAssert.Parsed("gaza ceasefire"));
        Assert.Equal(0, index.CountCandidates(new ArticleText("Gaza update", "", "Wire", null)));
        Assert.Equal(100, index.Match(new ArticleText("Gaza ceasefire", "", "Wire", null)).Count);
    }

    [Fact]
    public void OR_filter_is_a_candidate_once_even_when_both_sides_are_found()
    {
        using var index = new FilterIndex();
        index.Add(1, 1, FilterAssert.Parsed("ceasefire OR truce"));
        var article = new ArticleText("Ceasefire and truce", "", "Wire", null);
        Assert.Equal(1, index.CountCandidates(article));
        Assert.Equal(["ceasefire", "truce"], Assert.Single(index.Match(article)).MatchedTerms);
    }
}
