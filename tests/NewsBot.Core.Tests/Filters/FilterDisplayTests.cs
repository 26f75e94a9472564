namespace NewsBot.Core.Tests.Filters;

/// <summary>A filter is stored as typed and shown back the way NewsBot understands it.</summary>
public class FilterDisplayTests
{
    [Theory]
    [InlineData("Ceasefire", "ceasefire")]
    [InlineData("  Ceasefire   Gaza  ", "ceasefire gaza")]
    [InlineData("ceasefire AND gaza", "ceasefire gaza")]
    [InlineData("Café", "cafe")]
    [InlineData("\"Two-State   Solution\"", "\"two-state solution\"")]
    [InlineData("ceasefire NOT football", "ceasefire -football")]
    [InlineData("(ceasefire OR truce) Gaza", "(ceasefire OR truce) gaza")]
    [InlineData("ceasefire OR truce gaza", "ceasefire OR truce gaza")]
    [InlineData("gaza -(football OR rugby)", "gaza -(football OR rugby)")]
    [InlineData("Title:Ceasefire", "title:ceasefire")]
    [InlineData("title:(a1 OR b2)", "title:a1 OR title:b2")]
    [InlineData("gaza source:\"Al Jazeera\"", "gaza source:\"al jazeera\"")]
    [InlineData("Negotiat*", "negotiat*")]
    [InlineData("/Cease-?fire/", "/Cease-?fire/")]
    [InlineData("Gaza,", "gaza")]
    public void Normalized_form_shows_structure_and_folded_words(string typed, string shown)
    {
        var filter = FilterAssert.Parsed(typed);
        Assert.Equal(typed, filter.Text);
        Assert.Equal(shown, filter.Normalized);
    }

    [Theory]
    [InlineData("(ceasefire OR truce) gaza -football")]
    [InlineData("title:\"peace talks\" source:bbc negotiat*")]
    [InlineData("a1 OR (b2 c3 -(d4 OR e5))")]
    public void Normalized_form_parses_back_to_itself(string typed)
    {
        var shown = FilterAssert.Parsed(typed).Normalized;
        Assert.Equal(shown, FilterAssert.Parsed(shown).Normalized);
    }
}
