using NewsBot.Core.Stories;

namespace NewsBot.Core.Tests.Stories;

public sealed class StoryIndexTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 24, 3, 0, 0, TimeSpan.Zero);
    private readonly StoryMatcher _matcher = new();

    private StorySignature Sign(string story, string source)
    {
        var article = StoryTestSet.Load().Single(a => a.Story == story && a.Source == source);
        return _matcher.Compute(article.Headline, article.Lead);
    }

    [Fact]
    public void Three_sources_reporting_one_quake_join_the_first_story()
    {
        var index = new StoryIndex(_matcher);
        index.Add(7, Sign("japan-quake", "Reuters"), Start);

        Assert.Equal(7, index.FindStory(Sign("japan-quake", "AP"), Start.AddMinutes(18)));
        index.Add(7, Sign("japan-quake", "AP"), Start.AddMinutes(18));
        Assert.Equal(7, index.FindStory(Sign("japan-quake", "NHK World"), Start.AddMinutes(33)));
    }

    [Fact]
    public void A_different_quake_the_same_morning_is_a_new_story()
    {
        var index = new StoryIndex(_matcher);
        index.Add(7, Sign("japan-quake", "Reuters"), Start);
        index.Add(7, Sign("japan-quake", "AP"), Start.AddMinutes(18));

        Assert.Null(index.FindStory(Sign("turkey-quake", "Reuters"), Start.AddHours(3)));
    }

    [Fact]
    public void The_best_matching_story_wins_when_several_are_candidates()
    {
        var index = new StoryIndex(_matcher);
        index.Add(1, Sign("sudan-truce", "Reuters"), Start);
        index.Add(2, Sign("gaza-talks", "Reuters"), Start);
        index.Add(3, Sign("lebanon-truce", "Reuters"), Start);

        Assert.Equal(2, index.FindStory(Sign("gaza-talks", "AP"), Start.AddHours(2)));
        Assert.Equal(3, index.FindStory(Sign("lebanon-truce", "AP"), Start.AddHours(2)));
    }

    [Fact]
    public void The_same_report_a_day_later_starts_a_new_story()
    {
        var index = new StoryIndex(_matcher);
        var signature = Sign("fed-hold", "Reuters");
        index.Add(1, signature, Start);

        Assert.Equal(1, index.FindStory(signature, Start.AddHours(23)));
        Assert.Null(index.FindStory(signature, Start.AddHours(25)));
    }

    [Fact]
    public void A_story_window_counts_from_its_latest_article()
    {
        var index = new StoryIndex(_matcher, TimeSpan.FromHours(24));
        index.Add(1, Sign("fed-hold", "Reuters"), Start);
        index.Add(1, Sign("fed-hold", "CNBC"), Start.AddHours(23));

        // Two hours after the last article, 25 hours after the story began: the story is still news.
        Assert.Equal(1, index.FindStory(Sign("fed-hold", "AP"), Start.AddHours(25)));
    }

    [Fact]
    public void A_story_does_not_grow_past_its_maximum_age_from_its_first_article()
    {
        var index = new StoryIndex(_matcher, TimeSpan.FromHours(24), maxStoryAge: TimeSpan.FromHours(30));
        index.Add(1, Sign("fed-hold", "Reuters"), Start);
        index.Add(1, Sign("fed-hold", "CNBC"), Start.AddHours(20));

        Assert.Equal(1, index.FindStory(Sign("fed-hold", "AP"), Start.AddHours(29)));
        // Within the window of its latest article, but 31 hours after it began: a new story.
        Assert.Null(index.FindStory(Sign("fed-hold", "AP"), Start.AddHours(31)));
    }

    [Fact]
    public void Articles_older_than_the_window_are_evicted()
    {
        var index = new StoryIndex(_matcher, TimeSpan.FromHours(24));
        index.Add(1, Sign("fed-hold", "Reuters"), Start);
        index.Add(2, Sign("ecb-cut", "Reuters"), Start.AddHours(1));
        index.Add(3, Sign("oil-opec", "Reuters"), Start.AddHours(26));

        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void When_full_the_oldest_article_goes_first_and_its_story_can_no_longer_be_joined()
    {
        var index = new StoryIndex(_matcher, maxArticles: 2);
        index.Add(1, Sign("fed-hold", "Reuters"), Start);
        index.Add(2, Sign("japan-quake", "Reuters"), Start.AddMinutes(1));
        index.Add(3, Sign("door-plug", "Reuters"), Start.AddMinutes(2));

        Assert.Equal(2, index.Count);
        Assert.Null(index.FindStory(Sign("fed-hold", "AP"), Start.AddMinutes(3)));
        Assert.Equal(2, index.FindStory(Sign("japan-quake", "AP"), Start.AddMinutes(3)));
        Assert.Equal(3, index.FindStory(Sign("door-plug", "AP"), Start.AddMinutes(3)));
    }

    [Fact]
    public void Articles_stay_findable_while_the_index_grows_and_reuses_the_places_of_evicted_ones()
    {
        var random = new Random(15);
        var signatures = Enumerable.Range(0, 2_600).Select(_ => _matcher.Compute(RandomWords(random, 8), RandomWords(random, 25))).ToList();
        var index = new StoryIndex(_matcher, maxArticles: 1_000);
        for (var i = 0; i < signatures.Count; i++) index.Add(i, signatures[i], Start.AddSeconds(i));

        var at = Start.AddSeconds(signatures.Count);
        Assert.Equal(1_000, index.Count);
        Assert.All(Enumerable.Range(1_600, 1_000), i => Assert.Equal(i, index.FindStory(signatures[i], at)));
        Assert.All(Enumerable.Range(0, 1_600), i => Assert.Null(index.FindStory(signatures[i], at)));
    }

    private static string RandomWords(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => new string(Enumerable.Range(0, random.Next(5, 10)).Select(_ => (char)('a' + random.Next(26))).ToArray())));

    [Fact]
    public void An_index_rebuilt_from_stored_bytes_finds_the_same_story()
    {
        var stored = Sign("door-plug", "Reuters").ToBytes();
        var rebuilt = new StoryIndex(new StoryMatcher());
        rebuilt.Add(42, StorySignature.FromBytes(stored), Start);

        Assert.Equal(42, rebuilt.FindStory(Sign("door-plug", "AP"), Start.AddMinutes(25)));
    }

    [Fact]
    public void Signatures_are_the_same_in_every_process()
    {
        // Fixed hashing: a stored signature must equal one computed after a restart. Pin two values.
        var signature = _matcher.Compute("Fed holds rates steady", "The Federal Reserve held interest rates steady.");
        var again = new StoryMatcher().Compute("Fed holds rates steady", "The Federal Reserve held interest rates steady.");

        Assert.Equal(signature.ToBytes(), again.ToBytes());
        Assert.Equal(1.0, StoryMatcher.Similarity(signature, StorySignature.FromBytes(signature.ToBytes())));
    }

    [Theory]
    [InlineData(new byte[0], "expected at least")]
    [InlineData(new byte[] { 9 }, "expected at least")]
    public void Corrupt_stored_signatures_are_rejected_with_a_clear_message(byte[] bytes, string message)
    {
        var error = Assert.Throws<FormatException>(() => StorySignature.FromBytes(bytes));
        Assert.StartsWith("story signature:", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_signature_of_an_unknown_format_version_asks_for_recomputing()
    {
        var bytes = Sign("fed-hold", "AP").ToBytes();
        bytes[0] = 99;

        var error = Assert.Throws<FormatException>(() => StorySignature.FromBytes(bytes));
        Assert.Contains("recompute", error.Message);
    }

    [Fact]
    public void A_headline_of_only_stop_words_matches_nothing()
    {
        var index = new StoryIndex(_matcher);
        var empty = _matcher.Compute("The latest", "");
        index.Add(1, empty, Start);

        Assert.True(empty.IsEmpty);
        Assert.Null(index.FindStory(_matcher.Compute("Watch: the latest", ""), Start));
    }
}
