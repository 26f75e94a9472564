using System.Buffers;
using System.Runtime.InteropServices;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Core.Filters.Index;

/// <summary>
/// Walks an article's tokens once and looks up the terms that can start at each one. Cost:
/// a few hash lookups per token plus one verification per term hit, whatever the number of filters.
/// In a large index each lookup and each term text is a cache miss, so the work is done in passes
/// over the whole article — name the keys worth looking up, test their bits, probe them, compare the texts — and
/// each pass hints the memory the next one reads (<see cref="Prefetch"/>): the misses overlap.
/// </summary>
internal static class ArticleScan
{
    public static void Run(TermTable terms, MatchContext context)
    {
        var article = context.Article;
        ScanCompounds(terms, article.Title, titleText: true, context);
        ScanCompounds(terms, article.Body, titleText: false, context);
        if (terms.Prefixes.Count > 0)
        {
            ScanPrefixes(terms, article.Title, titleText: true, context);
            ScanPrefixes(terms, article.Body, titleText: false, context);
        }
        KeepPossibleKeys(terms, context);
        ProbeLookups(terms, context);
        CompareHits(context);
        if (terms.Trigrams.Count > 0)
        {
            ScanRegexLiterals(terms, article.Title, titleText: true, context);
            ScanRegexLiterals(terms, article.Body, titleText: false, context);
        }
        // lang: is found once per article, from what the article says its language is.
        if (article.Language is { } language && terms.Languages.TryGetValue(language, out var languageTerm))
            context.AddFound(languageTerm, languageTerm.Slot);
    }

    /// <summary>
    /// At each token some term may start at, hashes the stems from there on, character by character,
    /// and names the hash wherever a term could end: at each token end within the first
    /// <see cref="KeyHash.KeyLength"/> characters (short terms), and after exactly that many (longer
    /// terms, keyed by their start). In three levels, each hinting the bits the next tests, because
    /// at a million filters the start filter's second level and the term table's bit set are
    /// cache misses: short keys and six-character starts first, then the starts that pass, then the
    /// keys' bits (<see cref="KeepPossibleKeys"/>).
    /// </summary>
    private static void ScanCompounds(TermTable terms, AnalyzedText text, bool titleText, MatchContext context)
    {
        var stems = text.Stems;
        var starts = terms.WordStarts;
        var longStarts = context.LongStarts;
        longStarts.Clear();
        for (var i = 0; i < text.Count; i++)
        {
            var start = text.StemStart(i);
            var hash = KeyHash.Start;
            var limit = Reach(starts, stems[start..], KeyHash.KeyLength);
            for (var k = 1; k <= limit; k++)
            {
                hash = KeyHash.Step(hash, stems[start + k - 1]);
                if (k == StartFilter.LongLength)
                {
                    starts.HintLong(hash);
                    longStarts.Add(new Lookup(hash, i, Prefix: false, titleText));
                    break;
                }
                if (text.IsStemBoundary(start + k) && starts.MayBeShortTerm(hash)) NameKey(terms.Words, hash, i, prefix: false, titleText, context);
            }
        }
        foreach (ref readonly var lead in CollectionsMarshal.AsSpan(longStarts))
        {
            if (!starts.MayStartLong(lead.Key)) continue;
            var start = text.StemStart(lead.Token);
            var hash = lead.Key;
            var limit = Math.Min(KeyHash.KeyLength, stems.Length - start);
            for (var k = StartFilter.LongLength; k <= limit; k++)
            {
                if (k > StartFilter.LongLength) hash = KeyHash.Step(hash, stems[start + k - 1]);
                if (k == KeyHash.KeyLength || text.IsStemBoundary(start + k)) NameKey(terms.Words, hash, lead.Token, prefix: false, titleText, context);
            }
        }
    }

    /// <summary>A key some term may have, its bit in the table's set hinted; tested in <see cref="KeepPossibleKeys"/>.</summary>
    private static void NameKey(KeyTable table, ulong hash, int token, bool prefix, bool titleText, MatchContext context)
    {
        table.HintBits(hash);
        context.Keys.Add(new Lookup(hash, token, prefix, titleText));
    }

    /// <summary>Keeps the named keys whose bit is set, hinting their slots for <see cref="ProbeLookups"/>.</summary>
    private static void KeepPossibleKeys(TermTable terms, MatchContext context)
    {
        foreach (ref readonly var key in CollectionsMarshal.AsSpan(context.Keys))
            if ((key.Prefix ? terms.Prefixes : terms.Words).MayContain(key.Key)) context.Lookups.Add(key);
    }

    /// <summary>Names for lookup the hash of each leading part of each word that some prefix term is as long as.</summary>
    private static void ScanPrefixes(TermTable terms, AnalyzedText text, bool titleText, MatchContext context)
    {
        var lengths = terms.PrefixLengths;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.Word(i);
            var hash = KeyHash.Start;
            var limit = Reach(terms.PrefixStarts, word, KeyHash.PrefixKeyLength);
            for (var k = 1; k <= limit; k++)
            {
                hash = KeyHash.Step(hash, word[k - 1]);
                if (k == StartFilter.LongLength && !terms.PrefixStarts.MayStartLong(hash)) break;
                if (lengths[k] != 0 && (k >= StartFilter.LongLength || terms.PrefixStarts.MayBeShortTerm(hash)))
                    NameKey(terms.Prefixes, hash, i, prefix: true, titleText, context);
            }
        }
    }

    /// <summary>Looks up the keys the scan named, their slots hinted meanwhile; hints the texts of the terms found.</summary>
    private static void ProbeLookups(TermTable terms, MatchContext context)
    {
        foreach (ref readonly var lookup in CollectionsMarshal.AsSpan(context.Lookups))
        {
            if (!(lookup.Prefix ? terms.Prefixes : terms.Words).TryGet(lookup.Key, out var bucket)) continue;
            foreach (var item in bucket)
            {
                if (item.TitleOnly && !lookup.TitleText || context.IsSeen(item.Slot)) continue;
                Prefetch.Object(item.Text);
                context.Hits.Add(new Hit(item, lookup.Token, lookup.Prefix, lookup.TitleText));
            }
        }
    }

    /// <summary>
    /// Compares the texts of the terms whose keys the article has, after the whole scan: each text
    /// is a cache miss in a large index, hinted when its key was found, so they load side by side.
    /// </summary>
    private static void CompareHits(MatchContext context)
    {
        var article = context.Article;
        foreach (ref readonly var hit in CollectionsMarshal.AsSpan(context.Hits))
        {
            var item = hit.Item;
            if (context.IsSeen(item.Slot)) continue; // an earlier hit found it
            var text = hit.TitleText ? article.Title : article.Body;
            if (hit.Prefix ? text.Word(hit.Token).StartsWith(item.Text, StringComparison.Ordinal) : text.CompoundAt(hit.Token, item.Text))
                context.AddFound(item.Term, item.Slot);
        }
    }

    /// <summary>How many leading characters of <paramref name="text"/> can begin a term: none or only short ones when no term starts so.</summary>
    private static int Reach(StartFilter starts, ReadOnlySpan<char> text, int keyLength)
    {
        if (text.Length >= 3 && !starts.MayStart(text[0], text[1], text[2])) return starts.ShortTerms > 0 ? 2 : 0;
        return Math.Min(keyLength, text.Length);
    }

    /// <summary>
    /// Finds the regexes worth running: those one of whose required literals the folded text contains
    /// (one vectorized search for all literals); the trigram a literal starts with names its regexes.
    /// </summary>
    private static void ScanRegexLiterals(TermTable terms, AnalyzedText text, bool titleText, MatchContext context)
    {
        var folded = text.Folded.AsSpan();
        var literals = terms.RegexLiterals;
        for (var at = folded.IndexOfAny(literals); at >= 0; at = NextAfter(folded, at, literals))
        {
            if (!terms.Trigrams.TryGet(KeyHash.Trigram(folded[at..]), out var bucket)) continue;
            foreach (var item in bucket)
                if (!item.TitleOnly || titleText) context.AddRegexCandidate(item.Term, item.Slot);
        }
    }

    private static int NextAfter(ReadOnlySpan<char> text, int at, SearchValues<string> literals)
    {
        var next = text[(at + 1)..].IndexOfAny(literals);
        return next < 0 ? -1 : at + 1 + next;
    }
}

/// <summary>A term whose key the article has at a token: its text still to be compared there.</summary>
internal readonly record struct Hit(KeyItem Item, int Token, bool Prefix, bool TitleText);

/// <summary>A key the article has where a term may be: its table slot hinted, still to be looked up.</summary>
internal readonly record struct Lookup(ulong Key, int Token, bool Prefix, bool TitleText);
