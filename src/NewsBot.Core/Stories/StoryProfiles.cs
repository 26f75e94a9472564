namespace NewsBot.Core.Stories;

/// <summary>
/// Each story's term profile: per term, the summed kind weights of its held articles (at most
/// <see cref="MaxTerms"/> terms, the first seen). An article joins a story only if it resembles the
/// profile as well as one article of it, so a story cannot drift word by word into another event
/// (single-link chaining: "Sbarro files for bankruptcy" → "files for bankruptcy" → "Mt. Gox files").
/// Profiles lose an article's terms when it leaves the index and merge with their stories.
/// Not thread-safe: <see cref="StoryIndex"/> locks.
/// </summary>
internal sealed class StoryProfiles(StoryMatcher matcher, TermRing ring)
{
    /// <summary>Terms kept per story: bounds a lookup's work and a big story's memory.</summary>
    public const int MaxTerms = 64;

    private readonly Dictionary<long, Profile> _profiles = [];

    // Most stories have one article: its profile is that article's slot, no dictionary of its own
    // (a dictionary per story cost ~1 KB an entry).
    private readonly Dictionary<long, int> _single = [];

    public void Add(long story, int slot)
    {
        if (!_profiles.TryGetValue(story, out var profile))
        {
            if (!_single.Remove(story, out var first))
            {
                _single[story] = slot;
                return;
            }
            _profiles[story] = profile = new Profile();
            AddTerms(profile, ring.TermsOf(first), ring.KindsOf(first));
        }
        AddTerms(profile, ring.TermsOf(slot), ring.KindsOf(slot));
    }

    private void AddTerms(Profile profile, ReadOnlySpan<uint> terms, ReadOnlySpan<StoryTermKind> kinds)
    {
        profile.Articles++;
        profile.Dirty = true;
        for (var i = 0; i < terms.Length; i++)
        {
            var weight = matcher.Weight(kinds[i], 1);
            if (profile.Weights.TryGetValue(terms[i], out var known)) profile.Weights[terms[i]] = known + (float)weight;
            else if (profile.Weights.Count < MaxTerms) profile.Weights[terms[i]] = (float)weight;
        }
    }

    public void Remove(long story, ReadOnlySpan<uint> terms, ReadOnlySpan<StoryTermKind> kinds)
    {
        if (_single.Remove(story) || !_profiles.TryGetValue(story, out var profile)) return;
        if (--profile.Articles == 0)
        {
            _profiles.Remove(story);
            return;
        }
        profile.Dirty = true;
        for (var i = 0; i < terms.Length; i++)
        {
            if (!profile.Weights.TryGetValue(terms[i], out var known)) continue;
            var left = known - matcher.Weight(kinds[i], 1);
            if (left <= 1e-6) profile.Weights.Remove(terms[i]);
            else profile.Weights[terms[i]] = (float)left;
        }
    }

    public void Merge(long into, long from)
    {
        if (_single.Remove(from, out var fromSlot)) Add(into, fromSlot);
        if (!_profiles.Remove(from, out var absorbed)) return;
        if (_single.Remove(into, out var intoSlot)) AddTerms(absorbed, ring.TermsOf(intoSlot), ring.KindsOf(intoSlot));
        if (!_profiles.TryGetValue(into, out var profile))
        {
            _profiles[into] = absorbed;
            return;
        }
        profile.Articles += absorbed.Articles;
        profile.Dirty = true;
        foreach (var (term, weight) in absorbed.Weights)
        {
            if (profile.Weights.TryGetValue(term, out var known)) profile.Weights[term] = known + weight;
            else if (profile.Weights.Count < MaxTerms) profile.Weights[term] = weight;
        }
    }

    /// <summary>Cosine of the article's weighted terms and the story's mean profile, terms weighted by rarity.</summary>
    public double Similarity(StorySignature article, long story, Func<uint, double> rarity)
    {
        if (_single.TryGetValue(story, out var slot))
            return matcher.Cosine(article, new StorySignature(ring.TermsOf(slot).ToArray(), ring.KindsOf(slot).ToArray(), ring.Script(slot)), rarity);
        if (!_profiles.TryGetValue(story, out var profile)) return 0;
        double dot = 0, normA = 0, normP = 0;
        for (var i = 0; i < article.Terms.Length; i++)
        {
            var r = rarity(article.Terms[i]);
            var wa = matcher.Weight(article.Kinds[i], r);
            normA += wa * wa;
            if (profile.Weights.TryGetValue(article.Terms[i], out var sum)) dot += wa * sum * r;
        }
        // The norm moves only with the profile and, slowly, with the rarities: recomputed when the
        // profile changed, else at most every 64 lookups of this story, so a big story costs a lookup
        // its 64 terms rarely.
        if (profile.Dirty || ++profile.LookupsSinceNorm >= 64)
        {
            foreach (var (term, sum) in profile.Weights)
            {
                var wp = sum * rarity(term);
                normP += wp * wp;
            }
            (profile.Norm, profile.Dirty, profile.LookupsSinceNorm) = (Math.Sqrt(normP), false, 0);
        }
        return normA == 0 || profile.Norm == 0 ? 0 : dot / (Math.Sqrt(normA) * profile.Norm);
    }

    /// <summary>
    /// Cosine of two stories' profiles, terms weighted by rarity: whether two stories an article bridges
    /// are one event, or two that share a phrase ("files for bankruptcy": Sbarro and Mt. Gox).
    /// </summary>
    public double Similarity(long a, long b, Func<uint, double> rarity)
    {
        var (wa, wb) = (WeightsOf(a), WeightsOf(b));
        double dot = 0, normA = 0, normB = 0;
        foreach (var (term, weight) in wa)
        {
            var r = rarity(term);
            normA += weight * r * weight * r;
            if (wb.TryGetValue(term, out var other)) dot += weight * r * other * r;
        }
        foreach (var (term, weight) in wb)
        {
            var r = rarity(term);
            normB += weight * r * weight * r;
        }
        return normA == 0 || normB == 0 ? 0 : dot / (Math.Sqrt(normA) * Math.Sqrt(normB));
    }

    private Dictionary<uint, float> WeightsOf(long story)
    {
        if (_profiles.TryGetValue(story, out var profile)) return profile.Weights;
        var weights = new Dictionary<uint, float>();
        if (!_single.TryGetValue(story, out var slot)) return weights;
        var terms = ring.TermsOf(slot);
        var kinds = ring.KindsOf(slot);
        for (var i = 0; i < terms.Length; i++) weights[terms[i]] = weights.GetValueOrDefault(terms[i]) + (float)matcher.Weight(kinds[i], 1);
        return weights;
    }

    private sealed class Profile
    {
        public Dictionary<uint, float> Weights { get; } = [];

        public int Articles { get; set; }

        public double Norm { get; set; }

        public bool Dirty { get; set; } = true;

        public int LookupsSinceNorm { get; set; }
    }
}
