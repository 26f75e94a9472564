using System.Text.RegularExpressions;

namespace NewsBot.Core.Summaries;

/// <summary>
/// Recognises lines of feed descriptions and article pages that are not news: links to other
/// stories, social and newsletter prompts, copyright and photo credits, wire footers, and lines that
/// only repeat the headline. Rules cover English, Arabic, Hebrew, French, Spanish and German outlets.
/// </summary>
public static partial class BoilerplateLines
{
    private static readonly string[] Prefixes =
    [
        // English
        "read more", "read also", "also read", "see also", "related:", "related coverage", "more:", "more on this",
        "follow us", "subscribe", "sign up", "click here", "copyright", "©", "(c) ", "all rights reserved",
        "photo:", "photo by", "photos:", "image:", "image by", "picture:", "credit:", "file photo", "advertisement",
        "share this", "share on", "download the", "join our", "continue reading", "watch:", "listen:", "video:",
        "editing by", "reporting by", "writing by", "additional reporting", "our standards:", "this article was",
        "this story has been", "get the latest", "don't miss", "recommended:", "trending:",
        // Arabic: read also, follow us, subscribe, to read more, photo
        "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "إقرأ أيضاً", "اقرأ المزيد", "تابعونا", "تابعوا", "اشترك", "للمزيد", "الصورة:",
        "جميع الحقوق محفوظة",
        // Hebrew: read more, follow, subscribe, to the full article, photo
        "קראו עוד", "קראו גם", "עקבו אחרינו", "הירשמו", "לכתבה המלאה", "צילום:", "כל הזכויות שמורות",
        // French, Spanish, German
        "lire aussi", "à lire aussi", "a lire aussi", "lire la suite", "abonnez-vous", "suivez-nous", "inscrivez-vous",
        "lea también", "lee también", "leer más", "suscríbete", "síguenos", "foto:", "todos los derechos",
        "lesen sie auch", "mehr zum thema", "weiterlesen", "folgen sie uns", "abonnieren", "bild:", "alle rechte",
    ];

    /// <summary>Whole-line patterns: photo credits "(REUTERS/Amir Cohen)", "AFP via Getty Images", WordPress footers.</summary>
    [GeneratedRegex(@"^\(?\s*((photo|image|picture|credit)\s*:?\s*)?(reuters|afp|ap|epa|anadolu|xinhua|getty images)\s*/\s*[\p{L} .'’-]{2,40}\)?\.?$|^\((photo|image|picture|credit)[^)]{0,80}\)$|(via |/)getty images\)?\.?$|appeared first on|^\[?(…|\.\.\.)\]?$|^comments?( \(\d+\))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CreditPattern();

    public static bool IsBoilerplate(string line, string headline) => IsBoilerplate(line, HeadlineWords(headline));

    /// <param name="headlineWords">the headline's <see cref="HeadlineWords"/>, computed once per article: a text of many lines must not re-read the headline per line</param>
    public static bool IsBoilerplate(string line, IReadOnlySet<string> headlineWords)
    {
        var trimmed = line.Trim().TrimStart('•', '-', '–', '—', '*', '►', '▶', '»', ' ');
        if (trimmed.Length == 0) return true;
        // Prompts and credits are short; a long paragraph that happens to start with "Subscribers" or
        // "Copyright" is news.
        if (trimmed.Length <= MaxPromptLength)
            foreach (var prefix in Prefixes)
                if (StartsWithWord(trimmed, prefix)) return true;
        if (CreditPattern().IsMatch(trimmed)) return true;
        return RepeatsHeadline(trimmed, headlineWords);
    }

    private const int MaxPromptLength = 220;

    private static bool StartsWithWord(string line, string prefix) =>
        line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && (line.Length == prefix.Length || !char.IsLetter(prefix[^1]) || !char.IsLetter(line[prefix.Length]));

    /// <summary>A line whose words are (nearly) all the headline's words, e.g. the title repeated as the first paragraph.</summary>
    public static bool RepeatsHeadline(string line, string headline) => RepeatsHeadline(line, HeadlineWords(headline));

    public static bool RepeatsHeadline(string line, IReadOnlySet<string> headlineWords)
    {
        var lineWords = SummaryWords.Of(line);
        if (lineWords.Count == 0) return true;
        if (headlineWords.Count == 0) return false;
        var shared = lineWords.Count(headlineWords.Contains);
        return shared >= lineWords.Count * 0.9 && lineWords.Count <= headlineWords.Count + 3;
    }

    /// <summary>The headline's distinct lower-cased words, as the headline checks compare them.</summary>
    public static IReadOnlySet<string> HeadlineWords(string headline) => SummaryWords.Of(headline).ToHashSet(StringComparer.Ordinal);
}
