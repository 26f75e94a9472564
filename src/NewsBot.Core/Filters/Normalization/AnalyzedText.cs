using System.Text;

namespace NewsBot.Core.Filters.Normalization;

/// <summary>
/// One piece of folded text cut into tokens. Tokens are kept twice, each time concatenated into
/// one buffer with start offsets: as words (folded, apostrophes removed) for wildcards and
/// regex literals, and as stems (singular) for words and phrases. Keeping them concatenated makes
/// compounds free: <c>ceasefire</c> matches wherever consecutive stems spell it out, so
/// <c>cease-fire</c>, <c>cease fire</c> and <c>ceasefires</c> all do.
/// </summary>
public sealed class AnalyzedText
{
    private readonly char[] _stems;
    private readonly int[] _stemStarts;
    private readonly bool[] _stemBoundary;
    private readonly char[] _words;
    private readonly int[] _wordStarts;

    private AnalyzedText(string folded, char[] stems, int[] stemStarts, bool[] stemBoundary, char[] words, int[] wordStarts, int count)
    {
        Folded = folded;
        _stems = stems;
        _stemStarts = stemStarts;
        _stemBoundary = stemBoundary;
        _words = words;
        _wordStarts = wordStarts;
        Count = count;
    }

    /// <summary>The whole text folded (what regular expressions run on).</summary>
    public string Folded { get; }

    /// <summary>Number of tokens.</summary>
    public int Count { get; }

    /// <summary>The stems from token <paramref name="index"/> to the end, run together.</summary>
    public ReadOnlySpan<char> StemsFrom(int index) => _stems.AsSpan(_stemStarts[index], _stemStarts[Count] - _stemStarts[index]);

    /// <summary>All stems run together; token <c>i</c> starts at <see cref="StemStart"/>(i).</summary>
    public ReadOnlySpan<char> Stems => _stems.AsSpan(0, _stemStarts[Count]);

    public int StemStart(int index) => _stemStarts[index];

    /// <summary>True when a token starts (or the text ends) at this offset of <see cref="Stems"/>.</summary>
    public bool IsStemBoundary(int offset) => _stemBoundary[offset];

    public ReadOnlySpan<char> Stem(int index) => _stems.AsSpan(_stemStarts[index], _stemStarts[index + 1] - _stemStarts[index]);

    public ReadOnlySpan<char> Word(int index) => _words.AsSpan(_wordStarts[index], _wordStarts[index + 1] - _wordStarts[index]);

    /// <summary>True when consecutive stems starting at token <paramref name="index"/> spell exactly <paramref name="compound"/>.</summary>
    public bool CompoundAt(int index, string compound)
    {
        var start = _stemStarts[index];
        var end = start + compound.Length;
        return end <= _stemStarts[Count] && _stemBoundary[end] && _stems.AsSpan(start, compound.Length).SequenceEqual(compound);
    }

    public static AnalyzedText Analyze(string text)
    {
        var folded = TextFolding.Fold(text);
        var words = new char[folded.Length];
        var stems = new char[folded.Length + folded.Length / 3 + 1];
        var wordStarts = new List<int>();
        var stemStarts = new List<int>();
        int wordLength = 0, stemLength = 0, i = 0;
        while (i < folded.Length)
        {
            Rune.DecodeFromUtf16(folded.AsSpan(i), out var rune, out var runeLength);
            if (!Scripts.IsWordRune(rune))
            {
                i += runeLength;
                continue;
            }
            var tokenStart = wordLength;
            if (Scripts.IsUnspaced(rune))
            {
                folded.AsSpan(i, runeLength).CopyTo(words.AsSpan(wordLength));
                wordLength += runeLength;
                i += runeLength;
            }
            else
            {
                i = CopyWord(folded, i, words, ref wordLength);
            }
            wordStarts.Add(tokenStart);
            stemStarts.Add(stemLength);
            stemLength += EnglishInflection.Singular(words.AsSpan(tokenStart, wordLength - tokenStart), stems.AsSpan(stemLength));
        }
        wordStarts.Add(wordLength);
        stemStarts.Add(stemLength);
        var boundary = new bool[stemLength + 1];
        foreach (var start in stemStarts) boundary[start] = true;
        return new AnalyzedText(folded, stems, stemStarts.ToArray(), boundary, words, wordStarts.ToArray(), wordStarts.Count - 1);
    }

    /// <summary>Copies one spaced-script word starting at <paramref name="i"/>, dropping joiners; returns where it ended.</summary>
    private static int CopyWord(string folded, int i, char[] words, ref int wordLength)
    {
        while (i < folded.Length)
        {
            if (Scripts.IsJoiner(folded[i]))
            {
                if (i + 1 < folded.Length && StartsSpacedWord(folded, i + 1)) i++;
                else break;
            }
            if (!StartsSpacedWord(folded, i)) break;
            Rune.DecodeFromUtf16(folded.AsSpan(i), out _, out var runeLength);
            folded.AsSpan(i, runeLength).CopyTo(words.AsSpan(wordLength));
            wordLength += runeLength;
            i += runeLength;
        }
        return i;
    }

    private static bool StartsSpacedWord(string folded, int i)
    {
        Rune.DecodeFromUtf16(folded.AsSpan(i), out var rune, out _);
        return Scripts.IsWordRune(rune) && !Scripts.IsUnspaced(rune);
    }
}
