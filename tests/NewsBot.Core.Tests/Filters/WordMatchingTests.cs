namespace NewsBot.Core.Tests.Filters;

/// <summary>How a single word finds its forms in articles: case, accents, marks, inflections, compounds, boundaries.</summary>
public class WordMatchingTests
{
    [Theory]
    [InlineData("ceasefire", "Progress in ceasefire talks", true)]
    [InlineData("ceasefire", "CEASEFIRE HOLDS", true)]
    [InlineData("Ceasefire", "ceasefire holds", true)]
    [InlineData("ceasefire", "Football results", false)]
    [InlineData("fire", "Ceasefire holds", false)] // whole words only
    [InlineData("cease", "Ceasefire holds", false)]
    [InlineData("gaza", "Aid reaches Gaza.", true)]
    [InlineData("gaza", "(Gaza)", true)]
    [InlineData("gaza", "gazans celebrate", false)]
    [InlineData("2024", "Elections of 2024 begin", true)]
    public void Words_match_whole_words_ignoring_case(string filter, string title, bool expected) =>
        Assert.Equal(expected, FilterAssert.Matches(filter, title));

    [Theory]
    [InlineData("cafe", "Café owners protest", true)]
    [InlineData("café", "Cafe owners protest", true)]
    [InlineData("sao paulo", "Floods in São Paulo", true)]
    [InlineData("zurich", "ZÜRICH talks", true)]
    [InlineData("strasse", "Neue Straße eröffnet", true)]
    [InlineData("lodz", "Protest in Łódź", true)]
    [InlineData("ｇａｚａ", "gaza", true)] // full-width letters
    public void Latin_accents_and_compatibility_forms_do_not_matter(string filter, string title, bool expected) =>
        Assert.Equal(expected, FilterAssert.Matches(filter, title));

    [Theory]
    [InlineData("محمد", "وصل مُحَمَّد إلى المدينة")]         // harakat in the text
    [InlineData("مُحَمَّد", "وصل محمد إلى المدينة")]          // harakat in the filter
    [InlineData("السلام", "مفاوضات الســــلام مستمرة")]      // tatweel stretches a word
    [InlineData("اسرائيل", "قصف إسرائيل")]                  // hamza on alef
    [InlineData("שלום", "שָׁלוֹם לכולם")]                    // Hebrew niqqud
    [InlineData("мир", "Переговоры о МИР начались")]        // Cyrillic case
    public void Arabic_harakat_tatweel_and_Hebrew_niqqud_do_not_matter(string filter, string title) =>
        Assert.True(FilterAssert.Matches(filter, title));

    [Theory]
    [InlineData("ceasefire", "Two ceasefires collapsed")]
    [InlineData("ceasefire", "The ceasefire's terms")]
    [InlineData("ceasefire", "The ceasefire’s terms")]
    [InlineData("ceasefires", "A ceasefire holds")]
    [InlineData("party", "Opposition parties unite")]
    [InlineData("church", "Churches reopen")]
    [InlineData("tax", "New taxes announced")]
    [InlineData("crash", "Two crashes on the motorway")]
    [InlineData("state", "The states' governors")]
    public void Simple_English_plurals_and_possessives_match_the_singular(string filter, string title) =>
        Assert.True(FilterAssert.Matches(filter, title));

    [Theory]
    [InlineData("news", "New rules", false)] // "news" is not the plural of "new"
    [InlineData("new", "Latest news", false)]
    [InlineData("boss", "Bosses meet", true)]
    public void Plural_rules_avoid_common_traps(string filter, string title, bool expected) =>
        Assert.Equal(expected, FilterAssert.Matches(filter, title));

    [Theory]
    [InlineData("ceasefire", "A cease-fire holds")]
    [InlineData("ceasefire", "A cease fire holds")]
    [InlineData("ceasefire", "Cease-fires hold")]
    [InlineData("cease-fire", "A ceasefire holds")]
    [InlineData("cease-fire", "A cease fire holds")]
    [InlineData("\"cease fire\"", "A ceasefire holds")]
    [InlineData("\"cease fire\"", "A cease-fire holds")]
    [InlineData("o'brien", "OBrien resigns")]
    [InlineData("obrien", "O’Brien resigns")]
    public void Compound_spellings_match_each_other(string filter, string title) =>
        Assert.True(FilterAssert.Matches(filter, title));

    [Theory]
    [InlineData("停火", "以色列与哈马斯达成停火协议", true)]
    [InlineData("停火协议", "双方签署停火协议。", true)]
    [InlineData("停火", "以色列与哈马斯达成和平协议", false)]
    [InlineData("東京", "東京都で地震", true)]
    [InlineData("서울", "서울에서 회담", true)]
    [InlineData("หยุดยิง", "ข้อตกลงหยุดยิงในกาซา", true)]
    public void Scripts_without_spaces_match_as_substrings(string filter, string title, bool expected) =>
        Assert.Equal(expected, FilterAssert.Matches(filter, title));

    [Fact]
    public void Terms_are_found_in_the_body_as_well_as_the_title() =>
        Assert.True(FilterAssert.Matches("ceasefire", "Talks continue", "Officials said a ceasefire was near."));
}
