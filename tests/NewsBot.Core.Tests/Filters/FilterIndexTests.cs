using NewsBot.Core.Filters;

namespace NewsBot.Core.Tests.Filters;

public class FilterIndexTests
{
    private static readonly ArticleText GazaTruce = new("Gaza truce agreed as ceasefire talks end", "Negotiators met in Cairo.", "Reuters World", "reuters.com");

    private static FilterIndex IndexOf(params (long Id, long Chat, string Text)[] filters)
    {
        var index = new FilterIndex();
        foreach (var (id, chat, text) in filters) index.Add(id, chat, FilterAssert.Parsed(text));
        return index;
    }

    [Fact]
    public void Match_names_each_matching_filter_with_its_chat()
    {
        using var index = IndexOf((1, 10, "gaza"), (2, 20, "lebanon"), (3, 30, "ceasefire talks"), (4, 10, "truce -gaza"));
        var matches = index.Match(GazaTruce);
        Assert.Equal([(1L, 10L), (3L, 30L)], matches.Select(m => (m.FilterId, m.ChatId)).Order());
    }

    [Fact]
    public void Every_subscriber_of_a_shared_filter_is_matched_whatever_the_ids()
    {
        using var index = IndexOf((900, 1, "gaza"), (long.MaxValue, 2, "truce"), (5, 3, "gaza"), (-7, 4, "cairo"), (1L << 50, 5, "gaza"), (6, 6, "truce"));
        Assert.Equal([-7L, 5, 6, 900, 1L << 50, long.MaxValue], index.Match(GazaTruce).Select(m => m.FilterId).Order());
        index.Remove(long.MaxValue);
        index.Remove(-7);
        index.Remove(1L << 50);
        Assert.Equal([5L, 6, 900], index.Match(GazaTruce).Select(m => m.FilterId).Order());
    }

    [Fact]
    public void Matched_terms_are_the_found_terms_in_filter_order_without_exclusions()
    {
        using var index = IndexOf((1, 10, "(ceasefire OR truce OR armistice) gaza -football negotiat* source:reuters"));
        var match = Assert.Single(index.Match(GazaTruce));
        Assert.Equal(["ceasefire", "truce", "gaza", "negotiat*"], match.MatchedTerms);
    }

    [Fact]
    public void Removed_filter_no_longer_matches_and_shared_terms_keep_working()
    {
        using var index = IndexOf((1, 10, "gaza"), (2, 20, "gaza truce"));
        index.Remove(1);
        Assert.Equal(1, index.Count);
        Assert.Equal([2L], index.Match(GazaTruce).Select(m => m.FilterId).Order());
        index.Remove(2);
        Assert.Empty(index.Match(GazaTruce));
        Assert.Equal(0, index.TermCount);
        index.Remove(2); // removing twice is harmless
    }

    [Fact]
    public void Adding_an_existing_id_replaces_the_filter()
    {
        using var index = IndexOf((1, 10, "lebanon"));
        index.Add(1, 10, FilterAssert.Parsed("gaza"));
        Assert.Equal(1, index.Count);
        Assert.Equal("gaza", Assert.Single(Assert.Single(index.Match(GazaTruce)).MatchedTerms));
    }

    [Fact]
    public void Removing_from_the_middle_of_a_shared_term_keeps_the_other_filters()
    {
        using var index = new FilterIndex();
        for (var id = 0; id < 100; id++) index.Add(id, id, FilterAssert.Parsed("gaza"));
        for (var id = 0; id < 100; id += 3) index.Remove(id);
        var expected = Enumerable.Range(0, 100).Where(id => id % 3 != 0).Select(id => (long)id);
        Assert.Equal(expected, index.Match(GazaTruce).Select(m => m.FilterId).Order());
    }

    [Fact]
    public void Regex_without_a_required_literal_is_checked_on_every_article()
    {
        using var index = IndexOf((1, 10, "/\\d+ (dead|killed)/"), (2, 10, "/c[ae]iro/"));
        Assert.Equal([1L], index.Match(new ArticleText("3 killed", "", "x", null)).Select(m => m.FilterId));
        Assert.Equal([2L], index.Match(GazaTruce).Select(m => m.FilterId).Order());
    }

    [Fact]
    public async Task Matching_while_other_threads_add_and_remove_filters_stays_correct()
    {
        using var index = IndexOf((0, 1, "gaza"));
        var filter = FilterAssert.Parsed("truce");
        var writer = Task.Run(() =>
        {
            for (var round = 0; round < 2000; round++)
            {
                index.Add(1 + round % 50, 2, filter);
                if (round % 3 == 0) index.Remove(1 + (round * 7) % 50);
            }
        });
        while (!writer.IsCompleted)
        {
            // Filter 0 never changes, so it must be in every result however the others move.
            Assert.Contains(index.Match(GazaTruce), m => m.FilterId == 0);
        }
        await writer;
        Assert.Equal(index.Count, index.Match(GazaTruce).Count);
    }
}
