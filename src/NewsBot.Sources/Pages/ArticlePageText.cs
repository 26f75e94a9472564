using AngleSharp;
using AngleSharp.Html.Parser;
using NewsBot.Core.Text;
using SmartReader;

namespace NewsBot.Sources.Pages;

/// <summary>Readable text of an article page: title and plain text, one paragraph per line.</summary>
public sealed record PageText(string Title, string Text, string? SiteName);

/// <summary>The page's text, or why there is none (an error naming the page and the cause).</summary>
public sealed record PageTextResult(PageText? Page, string? Error)
{
    public bool Succeeded => Page is not null;
}

/// <summary>
/// Extracts the article from a fetched HTML page with SmartReader (a port of Mozilla Readability):
/// navigation, comments, share bars and footers dropped, the main text kept. It never fetches —
/// the host fetches pages through the guarded fetcher and hands the HTML here — so the page's URL
/// only resolves relative links and names the page in errors.
/// </summary>
public static class ArticlePageText
{
    /// <summary>Below this many characters of text, a "readable" result is a teaser or a cookie wall, not an article.</summary>
    private const int MinTextChars = 80;

    /// <param name="budget">
    /// the page's time budget (the host cancels it at a deadline): a page still being read when it
    /// runs out gives the failure "page too large/complex", never an exception
    /// </param>
    public static PageTextResult Extract(string html, Uri url, CancellationToken budget = default)
    {
        if (string.IsNullOrWhiteSpace(html)) return Failure(url, "the page is empty");
        if (budget.IsCancellationRequested) return TooComplex(url, "no time was left to read it");
        var bounded = PageHtmlBounds.Apply(html);
        Article article;
        try
        {
            // Parsed here rather than by SmartReader so the parse, too, stops when the budget runs out.
            var parser = new HtmlParser(new HtmlParserOptions(), BrowsingContext.New(Configuration.Default));
            var document = parser.ParseDocumentAsync(bounded.Html, budget).GetAwaiter().GetResult();
            var reader = new Reader(url.AbsoluteUri, document)
            {
                // A backstop behind PageHtmlBounds: SmartReader stops rather than work through more.
                MaxElemsToParse = PageHtmlBounds.MaxElements * 2,
            };
            if (budget.IsCancellationRequested) return TooComplex(url, "parsing its HTML used up the time budget");
            // Completes synchronously: the document is already parsed, nothing is fetched. The check
            // after it catches a budget that ran out inside a step SmartReader does not interrupt.
            article = reader.GetArticleAsync(budget).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            return TooComplex(url, "reading it used up the time budget");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // SmartReader throws on pages its parser cannot handle; one bad page must not stop the alert.
            return Failure(url, $"SmartReader failed ({e.GetType().Name}: {e.Message})");
        }
        if (budget.IsCancellationRequested) return TooComplex(url, "finding the article used up the time budget");
        if (!article.Completed)
            return Failure(url, $"SmartReader did not finish ({string.Join("; ", article.Errors.Select(e => e.Message))})");
        var text = HtmlToText.Convert(article.Content);
        if (!article.IsReadable || text.Length < MinTextChars)
            return Failure(url, "no article text found (the page may need JavaScript or a login)");
        return new PageTextResult(new PageText(HtmlToText.NormalizeWhitespace(article.Title ?? "").Replace('\n', ' '), text, NullIfBlank(article.SiteName)), null);
    }

    /// <summary>The budget ran out: the host treats the page as having no text, and the alert goes out on time without it.</summary>
    private static PageTextResult TooComplex(Uri url, string detail) => Failure(url, $"page too large/complex ({detail})");

    private static PageTextResult Failure(Uri url, string cause) => new(null, $"page text '{url}': {cause}");

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
