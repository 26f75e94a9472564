namespace NewsBot.Core.Tests.Filters;

/// <summary>Phrases, AND, OR, parentheses, exclusion, fields, wildcards and regexes, each against a table of headlines.</summary>
public class FilterOperatorTests
{
    [Theory]
    [InlineData("\"two-state solution\"", "Leaders back a two-state solution", true)]
    [InlineData("\"two-state solution\"", "Leaders back a two state solution", true)]
    [InlineData("\"two-state solution\"", "A solution for two states", false)]
    [InlineData("\"peace talks\"", "Peace talks resume", true)]
    [InlineData("\"peace talks\"", "Talks on peace resume", false)]
    [InlineData("\"peace talks\"", "Peace, talks resume", true)] // punctuation between words does not break a phrase
    public void Phrases_need_the_words_in_order(string filter, string title, bool expected) =>
        Assert.Equal(expected, FilterAssert.Matches(filter, title));

    [Theory]
    [InlineData("ceasefire gaza", "Gaza ceasefire holds", true)]
    [InlineData("ceasefire gaza", "Ceasefire in Lebanon", false)]
    [InlineData("ceasefire AND gaza", "Gaza ceasefire holds", true)]
    [InlineData("ceasefire OR truce", "Truce agreed", true)]
    [InlineData("ceasefire OR truce", "War goes on", false)]
    [InlineData("ceasefire | truce", "Truce agreed", true)]
    [InlineData("(ceasefire OR truce) gaza", "Gaza truce agreed", true)]
    [InlineData("(ceasefire OR truce) gaza", "Lebanon truce agreed", false)]
    [InlineData("ceasefire OR truce gaza", "Lebanon ceasefire", true)] // AND binds tighter than OR
    [InlineData("ceasefire or truce", "Ceasefire agreed", false)] // lower-case "or" is a word to look for
    public void Terms_side_by_side_all_match_and_OR_offers_alternatives(string filter, string title, bool expected) =>
        Assert.Equal(expected, FilterAssert.Matches(filter, title));

    [Theory]
    [InlineData("ceasefire -football", "Ceasefire in Gaza", true)]
    [InlineData("ceasefire -football", "Football ceasefire between fans", false)]
    [InlineData("ceasefire NOT football", "Football ceasefire between fans", false)]
    [InlineData("ceasefire -\"world cup\"", "World Cup ceasefire", false)]
    [InlineData("ceasefire -(football OR rugby)", "Rugby ceasefire", false)]
    [InlineData("ceasefire -(football OR rugby)", "Gaza ceasefire", true)]
    public void Excluded_terms_stop_a_match(string filter, string title, bool expected) =>
        Assert.Equal(expected, FilterAssert.Matches(filter, title));

    [Theory]
    [InlineData("title:ceasefire", "Ceasefire holds", "", true)]
    [InlineData("title:ceasefire", "Talks continue", "A ceasefire is near", false)]
    [InlineData("title:(ceasefire OR truce)", "Truce holds", "", true)]
    [InlineData("title:\"peace talks\"", "Peace talks resume", "", true)]
    [InlineData("gaza -title:football", "Gaza news", "football", true)]
    [InlineData("gaza -title:football", "Gaza football", "", false)]
    public void Title_field_limits_a_term_to_the_headline(string filter, string title, string body, bool expected) =>
        Assert.Equal(expected, FilterAssert.Matches(filter, title, body));

    [Theory]
    [InlineData("gaza source:reuters", "Reuters World", "reuters.com", true)]
    [InlineData("gaza source:reuters", "Wire", "feeds.reuters.com", true)]
    [InlineData("gaza source:Reuters", "REUTERS", null, true)]
    [InlineData("gaza source:reuters", "BBC", "bbc.co.uk", false)]
    [InlineData("gaza source:\"al jazeera\"", "Al Jazeera English", "aljazeera.com", true)]
    [InlineData("gaza source:bbc.co.uk", "BBC", "feeds.bbc.co.uk", true)]
    [InlineData("gaza -source:bbc", "BBC", "bbc.co.uk", false)]
    public void Source_field_checks_the_source_name_or_host(string filter, string source, string? host, bool expected) =>
        Assert.Equal(expected, FilterAssert.Matches(filter, "Gaza update", source: source, host: host));

    /// <summary>Per-feed routing ("Al Mayadeen → the Gaza topic") is one line: a source alone takes all its articles.</summary>
    [Theory]
    [InlineData("source:\"Al Mayadeen\"", "Al Mayadeen English", "english.almayadeen.net", true)]
    [InlineData("source:\"Al Mayadeen\"", "Reuters World", "reuters.com", false)]
    [InlineData("source:reuters", "Reuters World", "reuters.com", true)]
    [InlineData("source:reuters -football", "Reuters World", "reuters.com", true)]
    public void A_source_alone_selects_every_article_of_that_source(string filter, string source, string? host, bool expected) =>
        Assert.Equal(expected, FilterAssert.Matches(filter, "Markets close higher", source: source, host: host));

    [Theory]
    [InlineData("negotiat*", "Negotiations resume", true)]
    [InlineData("negotiat*", "Negotiators arrive", true)]
    [InlineData("negotiat*", "Renegotiation", false)] // a prefix, not a substring
    [InlineData("négociat*", "Les négociations reprennent", true)]
    [InlineData("title:negotiat*", "Talks", false)]
    public void Wildcard_matches_words_starting_with_the_prefix(string filter, string title, bool expected) =>
        Assert.Equal(expected, FilterAssert.Matches(filter, title));

    [Theory]
    [InlineData("/cease-?fire/", "Ceasefire holds", true)]
    [InlineData("/cease-?fire/", "Cease-fire holds", true)]
    [InlineData("/cease-?fire/", "Cease fire holds", false)]
    [InlineData("/\\d+ (dead|killed)/", "At least 12 killed in blast", true)]
    [InlineData("/\\d+ (dead|killed)/", "Many killed in blast", false)]
    [InlineData("/cafe/", "Café reopens", true)] // patterns see folded text
    [InlineData("/^breaking/", "Breaking: storm", true)]
    [InlineData("/f[ou]+tball/ -title:fans", "Futball", true)]
    [InlineData("/truce|armistice/", "Armistice day", true)]
    public void Regular_expressions_run_on_folded_text(string filter, string title, bool expected) =>
        Assert.Equal(expected, FilterAssert.Matches(filter, title));
}
