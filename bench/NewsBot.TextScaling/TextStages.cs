using System.Text;
using NewsBot.Core.Filters;
using NewsBot.Core.Filters.Normalization;
using NewsBot.Core.Stories;
using NewsBot.Core.Summaries;
using NewsBot.Core.Text;
using NewsBot.Sources.Pages;
using NewsBot.Sources.Parsing;

namespace NewsBot.TextScaling;

/// <summary>Every stage a stranger's text goes through, each with an honest input and the bait that made it slow.</summary>
internal static class TextStages
{
    private static readonly Uri FeedUrl = new("https://feed.invalid/rss");
    private static readonly Uri PageUrl = new("https://news.invalid/world/story");

    private const string Sentence = "Rescue teams in Kyushu searched collapsed homes on Thursday after the 7.1 earthquake, officials said. ";
    private const string Paragraph = "<p>" + Sentence + Sentence + Sentence + "</p>\n";

    private static readonly StoryMatcher Matcher = new();
    private static readonly Filter RegexFilter = ((FilterParseResult.Success)FilterParser.Parse("/(x+x+)+y/ OR /quake.{0,40}kyushu/")).Filter;
    // Close to RegexTermCompiler.MaxUnfoldedPositions: the costliest kind of pattern /add still accepts.
    private static readonly Filter CountingRegexFilter = ((FilterParseResult.Success)FilterParser.Parse("/(.{0,10}a){0,20}z/")).Filter;


    public static IReadOnlyList<Stage> All { get; } =
    [
        Stage.Of("FeedParser.Parse: honest RSS", 200, "items", RssOfItems, Parse),
        Stage.Of("FeedParser.Parse: deep-nested description", 1_000, "levels", RssWithDeepDescription, Parse),
        Stage.Of("FeedParser.Parse: huge author a@@@…", 4_000, "chars", RssWithHugeAuthor, Parse),
        Stage.Of("HtmlToText.Convert: honest paragraphs", 500, "paras", n => Repeat(Paragraph, n), html => HtmlToText.Convert(html)),
        Stage.Of("HtmlToText.Convert: deep-nested divs", 10_000, "levels", n => Repeat("<div>", n) + Sentence + Repeat("</div>", n), html => HtmlToText.Convert(html)),
        Stage.Of("ArticlePageText.Extract: honest page", 50, "paras", HonestPage, Extract),
        Stage.Of("ArticlePageText.Extract: deep-nested divs", 5_000, "levels", DeepPage, Extract),
        Stage.Of("ArticlePageText.Extract: tiny elements", 1_000, "elems", TinyElementsPage, Extract),
        Stage.Of("ArticlePageText.Extract: tiny elements past cap", 20_000, "elems", TinyElementsPage, Extract),
        Stage.Of("SentenceSplitter.Split: honest paragraph", 1_000, "sents", n => Repeat(Sentence, n), p => SentenceSplitter.Split(p)),
        Stage.Of("SentenceSplitter.Split: abbreviation bait", 5_000, "abbrs", n => Repeat("Dr. U.S. Jan. ", n), p => SentenceSplitter.Split(p)),
        Stage.Of("HeadlineCleaner: honest long title", 1_000, "words", n => Repeat("quake ", n) + "- Reuters", t => HeadlineCleaner.Clean(t, "Reuters")),
        Stage.Of("HeadlineCleaner: \" - Reuters\" bait", 2_000, "suffixes", n => "x" + Repeat(" - Reuters", n), t => HeadlineCleaner.Clean(t, "Reuters")),
        Stage.Of("ExtractiveSummarizer: honest text", 200, "paras", n => HtmlToText.Convert(Repeat(Paragraph, n)), t => ExtractiveSummarizer.Summarize("Quake hits Kyushu", t, ["quake"])),
        Stage.Of("ExtractiveSummarizer: headline repeated per line", 1_000, "lines", n => "Quake hits coast " + Repeat("word ", n) + "\n" + Repeat("Quake hits coast\n", n),
            t => ExtractiveSummarizer.Summarize(t[..t.IndexOf('\n')], t[(t.IndexOf('\n') + 1)..], [])),
        Stage.Of("Story words + signature", 1_000, "words", n => Repeat("Kyushu quake rescuers search homes ", n / 5), lead => Matcher.Compute("Quake hits Kyushu", lead)),
        Stage.Of("Filter ArticleAnalysis.Of", 2_000, "words", n => new ArticleText("Quake hits Kyushu", Repeat("Kyushu quake rescuers search homes ", n / 5), "Wire", "wire.invalid"),
            a => ArticleAnalysis.Of(a)),
        Stage.Of("User regex term scan", 20_000, "chars", n => ArticleAnalysis.Of(new ArticleText("Quake", new string('x', n), "Wire", null)),
            a => FilterEvaluator.Match(RegexFilter, a)),
        Stage.Of("User regex term scan: (.{0,10}a){0,20}z", 20_000, "chars", n => ArticleAnalysis.Of(new ArticleText("Quake", Repeat("xa", n / 2), "Wire", null)),
            a => FilterEvaluator.Match(CountingRegexFilter, a)),
    ];


    private static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();

    private static void Parse(byte[] body) => FeedParser.Parse(body, FeedUrl, "utf-8");

    private static void Extract(string html) => ArticlePageText.Extract(html, PageUrl);

    private static byte[] Rss(string items) => Encoding.UTF8.GetBytes(
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Wire</title><link>https://wire.invalid/</link><description>d</description>{items}</channel></rss>");

    private static string Item(int i, string description, string author = "desk@wire.invalid (Desk)") =>
        $"<item><title>Quake rescue update {i}</title><link>https://wire.invalid/a/{i}</link><guid>https://wire.invalid/a/{i}</guid>"
        + $"<pubDate>Thu, 25 Jan 2024 10:{i % 60:00}:00 GMT</pubDate><author>{author}</author><description>{description}</description></item>";

    private static byte[] RssOfItems(int n) => Rss(string.Concat(Enumerable.Range(0, n).Select(i => Item(i, System.Security.SecurityElement.Escape(Paragraph)!))));

    private static byte[] RssWithDeepDescription(int depth) => Rss(Item(1, Repeat("<div>", depth) + "text" + Repeat("</div>", depth)));

    private static byte[] RssWithHugeAuthor(int length) => Rss(Item(1, "text", "a" + new string('@', length)));

    private static string HonestPage(int paragraphs) =>
        "<html><head><title>Quake hits Kyushu</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Quake hits Kyushu</h1>"
        + Repeat(Paragraph, paragraphs) + "</article><footer>All rights reserved</footer></body></html>";

    private static string TinyElementsPage(int elements) => HonestPage(3).Replace("</article>", Repeat("<span>x</span>", elements) + "</article>");

    private static string DeepPage(int depth) =>
        "<html><body><article>" + Repeat("<div>", depth) + Paragraph + Paragraph + Repeat("</div>", depth) + "</article></body></html>";
}
