namespace NewsBot.Core.Stories;

/// <summary>
/// Turns a headline and lead into a <see cref="StorySignature"/> and decides whether two articles
/// report the same event: the cosine similarity of their term vectors, each term weighted by its
/// rarity among recent articles (the index's document frequencies: a name or a rare word says much,
/// "government" little), by where it stands (headline over lead) and by kind (numbers discounted).
/// </summary>
public sealed class StoryMatcher(StoryMatchOptions? options = null)
{
    /// <summary>Rarity when no corpus is at hand (pairwise comparisons outside an index): every term alike.</summary>
    internal static readonly Func<uint, double> Uniform = _ => 1.0;

    public StoryMatchOptions Options { get; } = options ?? new StoryMatchOptions();

    public StorySignature Compute(string headline, string lead)
    {
        var (headlineWords, leadWords) = StoryWords.Tokens(headline, lead);
        var terms = new Dictionary<uint, StoryTermKind>();
        var order = new List<uint>();
        void Add(StoryWord word, StoryTermKind where)
        {
            var kind = where | (word.Salient && !word.IsNumber ? StoryTermKind.Name : 0) | (word.IsNumber ? StoryTermKind.Number : 0);
            var hash = StoryTermHash.Of(word.Word);
            if (terms.TryGetValue(hash, out var known)) terms[hash] = known | kind;
            else if (order.Count < StorySignature.MaxTerms)
            {
                terms[hash] = kind;
                order.Add(hash);
            }
        }
        foreach (var word in headlineWords) Add(word, StoryTermKind.Headline);
        foreach (var word in leadWords.Take(Options.LeadWords)) Add(word, StoryTermKind.Lead);
        return new StorySignature([.. order], [.. order.Select(t => terms[t])], StoryScripts.Of(headline.Length > 0 ? headline : lead));
    }

    /// <summary>The similarity of two articles with every term equally rare (no corpus at hand); the index weighs by rarity.</summary>
    public static double Similarity(StorySignature a, StorySignature b) => new StoryMatcher().Cosine(a, b, Uniform);

    /// <summary>As the index decides, with every term equally rare (no corpus at hand).</summary>
    public bool SameStory(StorySignature a, StorySignature b) => SameStory(a, b, Uniform);

    /// <summary>
    /// Same story when the embeddings (both present) are close enough, or, on words: both in one
    /// script, similar enough, and, if both name people, places or organizations, sharing at least
    /// one ("Athens" and "Los Angeles" wildfires stay apart however alike the wording). Sharing many
    /// names lowers the bar (rewordings of one event).
    /// </summary>
    internal bool SameStory(StorySignature a, StorySignature b, Func<uint, double> rarity) =>
        Score(a, b, rarity) is { } score && score >= 0;

    /// <summary>How far above its bar the pair is (0 or more means same story; higher is closer), or null when it is not.</summary>
    internal double? Score(StorySignature a, StorySignature b, Func<uint, double> rarity)
    {
        if (a.Embedding.Length > 0 && a.Embedding.Length == b.Embedding.Length)
        {
            var dot = 0.0;
            for (var i = 0; i < a.Embedding.Length; i++) dot += a.Embedding[i] * b.Embedding[i];
            if (dot >= Options.EmbeddingThreshold) return 1 + dot - Options.EmbeddingThreshold;
        }
        if (a.IsEmpty || b.IsEmpty || a.Script != b.Script) return null;
        var similarity = Cosine(a, b, rarity);
        if (similarity < Math.Min(Options.Threshold, Options.ThresholdWithSharedNames) || !SharesEnough(a, b)) return null;
        var (namesA, namesB, shared) = Names(a, b);
        if (shared == 0 && namesA > 0 && namesB > 0) return null;
        // Near-identical wording with other numbers is a template, not a rewording: the next bulletin,
        // another day's market report, another quake. Rewordings of one event ("1.8 billion euros" /
        // "$2 billion") differ in more than their numbers and are left to the similarity.
        if (similarity >= 0.6 && HeadlineNumbersDiffer(a, b)) return null;
        // Many shared names, also relative to the shorter list, mark a rewording; a few names in common
        // are not enough when one article mentions the other event in passing ("after the 737 MAX
        // blowout") or reacts to it ("China retaliates for US chip curbs").
        var manyShared = shared >= Options.SharedNamesForLowerBar && shared >= 0.5 * Math.Min(namesA, namesB);
        var bar = manyShared ? Options.ThresholdWithSharedNames : Options.Threshold;
        return similarity >= bar ? similarity - bar : null;
    }

    /// <summary>Cosine of the two weighted term vectors.</summary>
    internal double Cosine(StorySignature a, StorySignature b, Func<uint, double> rarity)
    {
        double dot = 0, normA = 0, normB = 0;
        var bTerms = b.Terms;
        for (var i = 0; i < a.Terms.Length; i++)
        {
            var wa = Weight(a.Kinds[i], rarity(a.Terms[i]));
            normA += wa * wa;
            var j = bTerms.IndexOf(a.Terms[i]);
            if (j >= 0) dot += wa * Weight(b.Kinds[j], rarity(a.Terms[i]));
        }
        for (var j = 0; j < bTerms.Length; j++)
        {
            var wb = Weight(b.Kinds[j], rarity(bTerms[j]));
            normB += wb * wb;
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt(normA * normB);
    }

    /// <summary>At least <see cref="StoryMatchOptions.MinSharedTerms"/> shared terms (fewer when an article has fewer): one shared word is chance.</summary>
    private bool SharesEnough(StorySignature a, StorySignature b)
    {
        var shared = 0;
        foreach (var term in a.Terms)
            if (b.Terms.Contains(term)) shared++;
        return shared >= Math.Min(Options.MinSharedTerms, Math.Min(a.Terms.Length, b.Terms.Length));
    }

    internal double Weight(StoryTermKind kind, double rarity) =>
        rarity
        * ((kind & StoryTermKind.Headline) != 0 ? Options.HeadlineWeight : 1)
        * ((kind & StoryTermKind.Name) != 0 ? Options.NameWeight : 1)
        * ((kind & StoryTermKind.Number) != 0 ? Options.NumberWeight : 1);

    /// <summary>Both headlines carry numbers and share none.</summary>
    private static bool HeadlineNumbersDiffer(StorySignature a, StorySignature b)
    {
        const StoryTermKind headlineNumber = StoryTermKind.Headline | StoryTermKind.Number;
        bool aHas = false, bHas = false;
        for (var i = 0; i < a.Terms.Length; i++)
        {
            if ((a.Kinds[i] & headlineNumber) != headlineNumber) continue;
            aHas = true;
            var j = b.Terms.IndexOf(a.Terms[i]);
            if (j >= 0 && (b.Kinds[j] & StoryTermKind.Number) != 0) return false;
        }
        foreach (var kind in b.Kinds)
            if ((kind & headlineNumber) == headlineNumber) bHas = true;
        return aHas && bHas;
    }

    private static (int A, int B, int Shared) Names(StorySignature a, StorySignature b)
    {
        int namesA = 0, namesB = 0, shared = 0;
        for (var i = 0; i < a.Terms.Length; i++)
        {
            if ((a.Kinds[i] & StoryTermKind.Name) == 0) continue;
            namesA++;
            var j = b.Terms.IndexOf(a.Terms[i]);
            if (j >= 0 && (b.Kinds[j] & StoryTermKind.Name) != 0) shared++;
        }
        foreach (var kind in b.Kinds)
            if ((kind & StoryTermKind.Name) != 0) namesB++;
        return (namesA, namesB, shared);
    }
}
