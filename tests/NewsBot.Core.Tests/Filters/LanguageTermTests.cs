using NewsBot.Core.Filters;

namespace NewsBot.Core.Tests.Filters;

/// <summary><c>lang:</c> restricts a filter to articles in a language; alone it means every article in it.</summary>
public class LanguageTermTests
{
    private static ArticleText Article(string title, string? language, string body = "") =>
        new(title, body, "Wire", "wire.example") { Language = language };

    [Theory]
    [InlineData("lang:ar", "ar", true)]
    [InlineData("lang:ar", "en", false)]
    [InlineData("lang:ar", null, false)]
    [InlineData("LANG:AR", "ar", true)]
    [InlineData("lang:arabic", "ar", true)]
    [InlineData("lang:Persian", "fa", true)]
    [InlineData("lang:farsi", "fa", true)]
    [InlineData("ceasefire lang:ar", "ar", true)]
    [InlineData("ceasefire lang:ar", "en", false)]
    [InlineData("ceasefire (lang:ar OR lang:fr)", "fr", true)]
    [InlineData("ceasefire (lang:ar OR lang:fr)", "en", false)]
    [InlineData("ceasefire -lang:en", "ar", true)]
    [InlineData("ceasefire -lang:en", "en", false)]
    [InlineData("ceasefire -lang:en", null, true)]
    [InlineData("lang:ar OR gaza", "en", false)]
    [InlineData("truce OR lang:ar", "ar", true)]
    public void Lang_term_matches_by_the_articles_language(string filter, string? language, bool matches) =>
        Assert.Equal(matches, FilterAssert.Match(filter, Article("Ceasefire talks", language)) is not null);

    [Fact]
    public void Article_of_unknown_language_matches_no_lang_term_and_every_negated_one()
    {
        Assert.Null(FilterAssert.Match("lang:en", Article("Ceasefire talks", null)));
        Assert.NotNull(FilterAssert.Match("ceasefire -lang:en", Article("Ceasefire talks", null)));
    }

    [Theory]
    [InlineData("lang:ar", new string[0])]
    [InlineData("ceasefire lang:ar", new[] { "ceasefire" })]
    [InlineData("(ceasefire OR truce) (lang:ar OR lang:en)", new[] { "ceasefire" })]
    public void Lang_term_is_a_restriction_not_a_matched_term(string filter, string[] terms) =>
        Assert.Equal(terms, FilterAssert.Match(filter, Article("Ceasefire talks", "ar")));

    [Theory]
    [InlineData("LANG:AR", "lang:ar")]
    [InlineData("ceasefire lang:Arabic", "ceasefire lang:ar")]
    [InlineData("Ceasefire -Lang:EN", "ceasefire -lang:en")]
    [InlineData("ceasefire (lang:ar OR lang:fr)", "ceasefire (lang:ar OR lang:fr)")]
    public void Lang_term_is_shown_back_as_its_code(string typed, string normalized) =>
        Assert.Equal(normalized, FilterAssert.Parsed(typed).Normalized);

    [Theory]
    [InlineData("lang:xx", "unknown language 'xx' after lang: (use a two-letter ISO 639-1 code such as lang:en, lang:ar, lang:fr, lang:es, lang:ru, lang:zh, or an English name such as lang:arabic)", 1)]
    [InlineData("gaza lang:klingon", "unknown language 'klingon' after lang:", 6)]
    [InlineData("gaza lang:", "lang: needs a language right after the colon, e.g. lang:ar or lang:en", 6)]
    [InlineData("-lang:en", "the filter needs a word, phrase or pattern to look for", 1)]
    [InlineData("title:lang:ar", "lang: cannot be used inside title:", 7)]
    [InlineData("title:(gaza lang:ar)", "lang: cannot be used inside title:", 7)]
    public void Unknown_or_misplaced_language_is_refused_with_examples(string filter, string message, int column)
    {
        var error = FilterAssert.Failed(filter);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Filter_on_a_language_alone_is_a_candidate_only_for_articles_in_that_language()
    {
        using var index = new FilterIndex();
        for (var i = 0; i < 1000; i++) index.Add(i, i, FilterAssert.Parsed(i % 2 == 0 ? "lang:ar" : "lang:fr"));
        index.Add(5000, 1, FilterAssert.Parsed("gaza"));
        var arabic = Article("وقف إطلاق النار في غزة", "ar");
        Assert.Equal(1, index.CountCandidates(arabic)); // 500 chats typed "lang:ar": one shared entry
        Assert.Equal(500, index.Match(arabic).Count);
        Assert.Equal(0, index.CountCandidates(Article("Talks resume", "en")));
        Assert.Equal(0, index.CountCandidates(Article("Talks resume", null)));
    }

    [Fact]
    public void Word_with_a_language_is_keyed_on_the_word_not_the_language()
    {
        using var index = new FilterIndex();
        for (var i = 0; i < 1000; i++) index.Add(i, i, FilterAssert.Parsed($"name{i} lang:en"));
        // Every English article would otherwise make all thousand filters candidates.
        Assert.Equal(0, index.CountCandidates(Article("Talks resume", "en")));
        Assert.Equal([7L], index.Match(Article("name7 spoke", "en")).Select(m => m.FilterId));
        Assert.Empty(index.Match(Article("name7 spoke", "de")));
    }

    [Fact]
    public void Index_reports_the_languages_filters_use_until_the_last_is_removed()
    {
        using var index = new FilterIndex();
        Assert.Empty(index.LanguagesInUse);
        index.Add(1, 1, FilterAssert.Parsed("lang:fr"));
        index.Add(2, 1, FilterAssert.Parsed("ceasefire -lang:en"));
        index.Add(3, 2, FilterAssert.Parsed("gaza"));
        Assert.Equal(["en", "fr"], index.LanguagesInUse);
        index.Remove(2);
        Assert.Equal(["fr"], index.LanguagesInUse);
        index.Remove(1);
        Assert.Empty(index.LanguagesInUse);
    }
}
