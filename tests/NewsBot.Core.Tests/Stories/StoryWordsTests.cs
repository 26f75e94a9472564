using NewsBot.Core.Stories;

namespace NewsBot.Core.Tests.Stories;

public sealed class StoryWordsTests
{
    [Theory]
    [InlineData("Cease-fire talks resume", "ceasefir ceas fire talk resum")]
    [InlineData("Plane crashes; plan fails", "aircraft crash plan fail")]
    [InlineData("Truce negotiations stall", "ceasefir talk stall")]
    [InlineData("Israel's army says 25,700 killed", "israel army 25700 kill")]
    [InlineData("Quake of magnitude 5.6 strikes", "quak magnitud 5.6 strik")]
    [InlineData("Émeute à Besançon", "emeut besancon")]
    [InlineData("Strikes on Kyiv: striking damage", "strik kyiv strik damag")]
    public void Words_are_folded_stemmed_and_stripped_of_filler(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', StoryWords.Of(text)));
    }

    [Fact]
    public void Arabic_vowel_marks_do_not_make_different_words()
    {
        Assert.Equal(StoryWords.Of("غَزَّة"), StoryWords.Of("غزة"));
        Assert.Equal(StoryWords.Of("غـزة"), StoryWords.Of("غزة"));
    }

    [Fact]
    public void A_Hebrew_acronym_stays_one_word()
    {
        Assert.Single(StoryWords.Of("צה\"ל"));
    }

    [Fact]
    public void Names_and_numbers_are_salient_but_sentence_starts_are_not()
    {
        var (headline, lead) = StoryWords.Tokens("Wildfire rages near Athens", "A wildfire fanned by winds forced 3,000 people out.");

        Assert.Contains(new StoryWord("athen", true), headline);
        Assert.Contains(new StoryWord("fire", false), headline);
        Assert.Contains(new StoryWord("3000", true), lead);
    }

    [Fact]
    public void A_subject_at_the_start_of_headline_and_lead_is_a_name()
    {
        var (headline, _) = StoryWords.Tokens("Apple revenue beats estimates", "Apple reported revenue above estimates.");

        Assert.Contains(new StoryWord("appl", true), headline);
    }

    [Fact]
    public void Title_case_headlines_do_not_make_every_word_a_name()
    {
        var words = StoryWords.Tokens("Strong Earthquake Hits Southern Coast Overnight");

        Assert.DoesNotContain(words, w => w.Salient);
    }
}
