namespace NewsBot.LanguageBench;

/// <summary>
/// Public test text per language, as Lingua's authors published it beside their models (Leipzig
/// news corpora, held out from training): one file of sentences and one of word pairs per ISO code.
/// Headlines are made from sentences the way a feed cuts them: at a word boundary within 60 characters.
/// </summary>
internal sealed record TestTexts(string Code, string[] Sentences, string[] WordPairs)
{
    public const int HeadlineChars = 60;

    public static TestTexts? Load(string root, string code)
    {
        var sentences = Path.Combine(root, code, "sentences.txt");
        var pairs = Path.Combine(root, code, "word-pairs.txt");
        if (!File.Exists(sentences)) sentences = Path.Combine(root, code, "testdata", "sentences.txt");
        if (!File.Exists(pairs)) pairs = Path.Combine(root, code, "testdata", "word-pairs.txt");
        if (!File.Exists(sentences)) return null;
        return new TestTexts(code, Lines(sentences), File.Exists(pairs) ? Lines(pairs) : []);
    }

    public IEnumerable<string> Headlines => Sentences.Select(Headline).Where(h => h.Length >= 20);

    /// <summary>Headline + lead as an article's title and text reach detection: sentences run together up to <paramref name="chars"/>.</summary>
    public IEnumerable<string> Articles(int chars)
    {
        for (var i = 0; i + 4 <= Sentences.Length; i += 4)
        {
            var text = Headline(Sentences[i]) + "\n" + string.Join(' ', Sentences.Skip(i + 1).Take(3));
            yield return text.Length <= chars ? text : text[..chars];
        }
    }

    public static string Headline(string sentence)
    {
        if (sentence.Length <= HeadlineChars) return sentence;
        var cut = sentence.LastIndexOf(' ', HeadlineChars);
        return cut > 20 ? sentence[..cut] : sentence[..HeadlineChars];
    }

    private static string[] Lines(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).Take(1000).ToArray();
}
