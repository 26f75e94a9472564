namespace NewsBot.Core.Summaries;

/// <summary>
/// Picks the one or two sentences that say what happened: boilerplate lines dropped, sentences
/// scored by position, overlap with the headline and the matched filter terms (so the summary shows
/// why the alert fired), cut to the budget on a sentence or word boundary.
/// </summary>
public static class ExtractiveSummarizer
{
    private const int MaxCandidates = 40;
    private const int MinSentenceWords = 6;
    private const int MinTextWords = 8;

    /// <param name="text">plain text, one paragraph per line (as <see cref="Text.HtmlToText"/> produces)</param>
    public static string Summarize(string headline, string text, IReadOnlyList<string> matchedTerms, int maxChars = 300)
    {
        var found = Candidates(headline, text);
        if (found.Count == 0) return "";
        var candidates = found.Select(c => c.Text).ToList();
        var scorer = new SentenceScorer(LeadNoise.Strip(headline), matchedTerms, maxChars);
        var scores = candidates.Select((s, i) => scorer.Score(s, i)).ToArray();
        var best = Array.IndexOf(scores, scores.Max());
        if (candidates[best].Length > maxChars) return SummaryCut.ToLength(candidates[best], maxChars);

        var second = SecondSentence(found, scores, best, maxChars);
        if (second < 0) return candidates[best];
        return second > best
            ? candidates[best] + " " + candidates[second]
            : candidates[second] + " " + candidates[best];
    }

    /// <summary>
    /// True when the text cannot give a summary on its own: empty, only the headline again, or
    /// shorter than a sentence. The host then fetches the article page.
    /// </summary>
    public static bool NeedsPageText(string headline, string text) =>
        Candidates(headline, text).Sum(s => SummaryWords.Of(s.Text).Count) < MinTextWords;

    /// <summary>
    /// The next sentence when it fits and continues the paragraph or scores well, else the best other
    /// sentence that fits.
    /// </summary>
    private static int SecondSentence(List<Candidate> candidates, double[] scores, int best, int maxChars)
    {
        bool Fits(int i) => candidates[best].Text.Length + 1 + candidates[i].Text.Length <= maxChars;
        var next = best + 1;
        if (next < candidates.Count && Fits(next)
            && (candidates[next].Paragraph == candidates[best].Paragraph || scores[next] >= scores[best] * 0.5)) return next;
        var second = -1;
        for (var i = 0; i < candidates.Count; i++)
            if (i != best && Fits(i) && scores[i] >= scores[best] * 0.7 && (second < 0 || scores[i] > scores[second]))
                second = i;
        return second;
    }

    /// <summary>Sentences of the non-boilerplate lines, in order, with labels and datelines stripped.</summary>
    private static List<Candidate> Candidates(string headline, string text)
    {
        var result = new List<Candidate>();
        var headlineWords = BoilerplateLines.HeadlineWords(headline);
        var paragraph = 0;
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            paragraph++;
            if (IsLink(line) || BoilerplateLines.IsBoilerplate(line, headlineWords)) continue;
            foreach (var raw in SentenceSplitter.Split(line))
            {
                var sentence = LeadNoise.Strip(raw);
                if (SummaryWords.Of(sentence).Count == 0 || BoilerplateLines.RepeatsHeadline(sentence, headlineWords)) continue;
                result.Add(new Candidate(sentence, paragraph));
                if (result.Count == MaxCandidates) return result;
            }
        }
        return result;
    }

    private readonly record struct Candidate(string Text, int Paragraph);

    private static bool IsLink(string line) =>
        !line.Contains(' ') && (line.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || line.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private sealed class SentenceScorer(string headline, IReadOnlyList<string> matchedTerms, int maxChars)
    {
        private readonly HashSet<string> _headlineWords = SummaryWords.Of(headline).Where(IsContentWord).ToHashSet(StringComparer.Ordinal);
        private readonly List<List<string>> _terms = matchedTerms.Select(SummaryWords.Of).Where(t => t.Count > 0).ToList();

        public double Score(string sentence, int position)
        {
            var words = SummaryWords.Of(sentence);
            var wordSet = words.ToHashSet(StringComparer.Ordinal);
            var score = 1.0 / (1 + 0.25 * position);
            if (_headlineWords.Count > 0)
                score += 1.5 * _headlineWords.Count(wordSet.Contains) / _headlineWords.Count;
            if (_terms.Count > 0)
                score += 1.0 * _terms.Count(t => t.All(w => wordSet.Contains(w) || wordSet.Any(s => s.StartsWith(w, StringComparison.Ordinal)))) / _terms.Count;
            if (words.Count < MinSentenceWords) score *= 0.3;
            if (sentence.Length > maxChars) score *= 0.7;
            if (sentence.EndsWith(':') || sentence.EndsWith('?') || sentence.EndsWith('؟')) score *= 0.6;
            return score;
        }

        private static bool IsContentWord(string word) => word.Length >= 3 && !StopWords.Contains(word);
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "was", "were", "with", "that", "this", "from", "has", "have", "had", "but",
        "not", "its", "it's", "his", "her", "their", "they", "will", "would", "been", "being", "into", "over",
        "after", "about", "says", "said", "say", "who", "what", "when", "how", "why", "however", "more", "than",
        "les", "des", "une", "est", "dans", "pour", "por", "los", "las", "una", "del", "der", "die", "das", "und",
    };
}
