using CsCheck;
using NewsBot.Core.Filters;

namespace NewsBot.Core.Tests.Filters;

/// <summary>
/// Generators for the property test: filters and articles drawn from one small vocabulary full
/// of traps (plurals, compounds, accents, marks, CJK, source names) so that random pairs match often.
/// </summary>
internal static class RandomFilters
{
    private static readonly string[] Words =
    [
        "ceasefire", "cease", "fire", "fires", "gaza", "truce", "peace", "talks", "party", "parties", "café", "cafe",
        "negotiation", "negotiations", "negotiator", "election", "elections", "state", "states", "two", "solution",
        "news", "new", "boss", "bosses", "o'brien", "obrien", "ceasefire's", "停火", "协议", "停", "محمد", "مُحَمَّد",
        "الســلام", "السلام", "שָׁלוֹם", "שלום", "мир", "МИР", "12", "dead", "killed", "Reuters", "bbc",
    ];

    private static readonly string[] Wildcards = ["negotiat*", "cea*", "elect*", "par*", "sta*", "停火协*", "gaz*"];

    private static readonly string[] Regexes =
        ["/cease-?fire/", "/\\d+ (dead|killed)/", "/truce|peace/", "/gaz[ae]/", "/n[eé]ws?/", "/^two/", "/party|\\d/", "/sol+ution/", "/(?:cease-?fire|truce)s? (talks|deal)/"];

    private static readonly (string Name, string? Host)[] Sources =
        [("Reuters World", "reuters.com"), ("BBC News", "bbc.co.uk"), ("Al Jazeera", "aljazeera.com"), ("Example", null)];

    private static readonly Gen<string> Word = Gen.OneOfConst(Words);

    private static readonly Gen<string> PlainTerm = Gen.Frequency(
        (6, Word),
        (2, Gen.Select(Word, Word, (a, b) => a + "-" + b)),
        (2, Gen.Select(Word, Word, (a, b) => "\"" + a + " " + b + "\"")),
        (2, Gen.OneOfConst(Wildcards)),
        (2, Gen.OneOfConst(Regexes)),
        (1, Gen.OneOfConst("source:reuters", "source:bbc", "source:\"al jazeera\"", "source:.com")),
        (1, Gen.OneOfConst("lang:en", "lang:ar", "LANG:fr", "lang:arabic")));

    private static readonly Gen<string> Term = Gen.Frequency(
        (5, PlainTerm),
        (1, PlainTerm.Select(t => t.StartsWith("source:", StringComparison.Ordinal) || t.StartsWith("lang", StringComparison.OrdinalIgnoreCase) ? t : "title:" + t)));

    private static Gen<string> Expression(int depth) => depth == 0
        ? Term
        : Gen.Frequency(
            (4, Term),
            (2, Gen.Select(Expression(depth - 1), Expression(depth - 1), (a, b) => a + " " + b)),
            (2, Gen.Select(Expression(depth - 1), Expression(depth - 1), (a, b) => "(" + a + " OR " + b + ")")),
            (1, Expression(depth - 1).Select(a => "-" + a)),
            (1, Expression(depth - 1).Select(a => "NOT (" + a + ")")));

    /// <summary>Filter texts; some are invalid (only exclusions, say) and are skipped by the test.</summary>
    public static readonly Gen<string> FilterText = Expression(3);

    private static readonly Gen<string> TextWord = Gen.Frequency(
        (8, Word),
        (1, Word.Select(w => w.ToUpperInvariant())),
        (1, Gen.OneOfConst("cease-fire", "Cease fire", "ceasefires", "two-state", "5 dead", "the", "a", ",", "停火协议", "Negotiations")));

    private static Gen<string> Sentence(int min, int max) => TextWord.List[min, max].Select(words => string.Join(' ', words));

    public static readonly Gen<ArticleText> Article = Gen.Select(Sentence(1, 8), Sentence(0, 30), Gen.OneOfConst(Sources), Gen.OneOfConst(null, "en", "ar", "fr", "de"),
        (title, body, source, language) => new ArticleText(title, body, source.Name, source.Host) { Language = language });
}
