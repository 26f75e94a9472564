using NewsBot.Core.Stories;

namespace NewsBot.Core.Tests.Stories;

/// <summary>The rules of story similarity and grouping, one at a time.</summary>
public sealed class StoryRulesTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 10, 8, 0, 0, TimeSpan.Zero);
    private readonly StoryMatcher _matcher = new();

    private StorySignature Sign(string headline, string lead = "") => _matcher.Compute(headline, lead);

    [Fact]
    public void Words_common_in_recent_news_count_less_than_rare_ones()
    {
        var index = new StoryIndex(_matcher);
        var random = new Random(16);
        for (var i = 0; i < 2_000; i++)
            index.Add(i, Sign($"Government budget plan {Filler(random)} {Filler(random)}"), Start.AddSeconds(i));
        var a = Sign("Government budget plan faces zorblax revolt");
        var b = Sign("Government budget plan meets quintaro protest");

        // Alike on words alone; once the index knows "government budget plan" is in every article, not.
        Assert.True(StoryMatcher.Similarity(a, b) >= 0.45, $"uniform {StoryMatcher.Similarity(a, b):0.00}");
        Assert.True(index.Similarity(a, b) < 0.3, $"weighted by rarity {index.Similarity(a, b):0.00}");
    }

    [Fact]
    public void Shared_numbers_and_dates_count_less_than_shared_words()
    {
        var numbers = StoryMatcher.Similarity(Sign("Alpha bravo 2024 350"), Sign("Charlie delta 2024 350"));
        var words = StoryMatcher.Similarity(Sign("Alpha bravo echo golf"), Sign("Charlie delta echo golf"));

        Assert.True(numbers < words, $"numbers {numbers:0.00}, words {words:0.00}");
    }

    [Theory]
    [InlineData("Ceasefire bulletin number 1", "Ceasefire bulletin number 2")]
    [InlineData("Magnitude 5.6 earthquake hits eastern Turkey", "Magnitude 6.1 earthquake hits eastern Turkey")]
    public void Headlines_alike_but_for_their_numbers_are_different_events(string a, string b)
    {
        var index = new StoryIndex(_matcher);
        index.Add(1, Sign(a), Start);

        Assert.Empty(index.FindStories(Sign(b), Start.AddMinutes(5)));
    }

    [Theory]
    [InlineData("Floods killed villagers in Kerala", "Flood kills villager in Kerala")]
    [InlineData("U.S. imposes new tariffs on steel", "US imposes new tariffs on steel")]
    [InlineData("United States imposes new tariffs on steel", "US imposes new tariffs on steel")]
    [InlineData("Mt. Gox files for bankruptcy", "Mt Gox files for bankruptcy")]
    public void Plurals_verb_forms_and_aliases_of_one_name_are_the_same_terms(string a, string b) =>
        Assert.Equal(1.0, StoryMatcher.Similarity(Sign(a), Sign(b)), 6);

    [Fact]
    public void Headlines_in_different_scripts_never_join_on_shared_numbers()
    {
        var index = new StoryIndex(_matcher);
        index.Add(1, Sign("Magnitude 7.1 quake 2024 Japan"), Start);

        Assert.Null(index.FindStory(Sign("Землетрясение 7.1 2024 Япония"), Start.AddMinutes(5)));
    }

    [Fact]
    public void An_article_bridging_two_stories_returns_both_and_later_reports_find_the_survivor()
    {
        var index = new StoryIndex(_matcher);
        // Two reports of one event in partly different words: alike as wholes, too far apart to join directly.
        index.Add(1, Sign("alpha bravo charlie delta echo foxtrot"), Start);
        index.Add(2, Sign("alpha bravo golf hotel india juliet"), Start.AddMinutes(1));
        var bridge = Sign("alpha bravo charlie delta golf hotel india");

        Assert.Equal([1, 2], index.FindStories(bridge, Start.AddMinutes(2)).Order());
        index.Merge(1, 2);
        index.Add(1, bridge, Start.AddMinutes(2));

        Assert.Equal([1], index.FindStories(Sign("alpha bravo golf hotel india juliet"), Start.AddMinutes(3)));
    }

    [Fact]
    public void An_article_close_to_two_unlike_stories_does_not_merge_them()
    {
        // "Sbarro files for bankruptcy" and "Mt. Gox files for bankruptcy": an article sharing half of each
        // is close to both, but the stories themselves have nothing in common.
        var index = new StoryIndex(_matcher);
        index.Add(1, Sign("alpha bravo charlie delta echo foxtrot"), Start);
        index.Add(2, Sign("golf hotel india juliet kilo lima"), Start.AddMinutes(1));

        Assert.Single(index.FindStories(Sign("alpha bravo charlie golf hotel india"), Start.AddMinutes(2)));
    }

    [Fact]
    public void A_merge_is_forgotten_with_the_articles_of_the_merged_stories()
    {
        var index = new StoryIndex(_matcher, TimeSpan.FromHours(1));
        index.Add(1, Sign("alpha bravo charlie delta echo foxtrot"), Start);
        index.Add(2, Sign("golf hotel india juliet kilo lima"), Start);
        index.Merge(1, 2);
        index.Add(9, Sign("mike november oscar papa quebec romeo"), Start.AddHours(2));

        // Both merged stories left with their articles: a later story 2 is itself, not story 1.
        index.Add(2, Sign("golf hotel india juliet kilo lima"), Start.AddHours(2));
        Assert.Equal(2, index.Count);
        Assert.Equal(2, index.FindStory(Sign("golf hotel india juliet kilo lima"), Start.AddHours(2)));
    }

    [Fact]
    public void Close_embeddings_join_articles_in_different_languages()
    {
        var index = new StoryIndex(_matcher);
        index.Add(1, Sign("Quake hits southern Japan").WithEmbedding([1f, 0.1f, 0f]), Start);

        Assert.Equal(1, index.FindStory(Sign("Землетрясение на юге Японии").WithEmbedding([0.98f, 0.12f, 0.01f]), Start.AddMinutes(3)));
        Assert.Null(index.FindStory(Sign("Землетрясение на юге Японии").WithEmbedding([0f, 0.2f, 1f]), Start.AddMinutes(3)));
    }

    [Fact]
    public void Without_an_embedding_on_both_sides_the_words_decide()
    {
        var withEmbedding = Sign("Fed holds interest rates steady").WithEmbedding([1f, 0f]);
        var without = Sign("Fed holds interest rates steady again");
        var unrelated = Sign("Wildfire forces evacuations near Athens").WithEmbedding([1f, 0f]);

        Assert.True(_matcher.SameStory(withEmbedding, without));
        Assert.True(_matcher.SameStory(withEmbedding, unrelated));
        Assert.False(_matcher.SameStory(without, unrelated.WithEmbedding([])));
    }

    private static string Filler(Random random) =>
        new(Enumerable.Range(0, random.Next(5, 9)).Select(_ => (char)('a' + random.Next(26))).ToArray());
}
