using System.Buffers;
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
    // Rented from the shared pools: the index analyses every article and gives them back at once
    // (ReturnBuffers), so its analyses reuse warm memory instead of allocating 30 KB each; other
    // callers simply let the GC have them.
    private char[] _stems;
    private int[] _stemStarts;
    private bool[] _stemBoundary;
    private char[] _words;
    private int[] _wordStarts;
    private bool _returned;

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

    /// <summary>Gives the buffers back to the pools; the text must not be read afterwards (it then fails rather than reading reused memory).</summary>
    internal void ReturnBuffers()
    {
        if (_returned) return;
        _returned = true;
        ArrayPool<char>.Shared.Return(_stems);
        ArrayPool<char>.Shared.Return(_words);
        ArrayPool<int>.Shared.Return(_stemStarts);
        ArrayPool<int>.Shared.Return(_wordStarts);
        ArrayPool<bool>.Shared.Return(_stemBoundary);
        (_stems, _words, _stemStarts, _wordStarts, _stemBoundary) = ([], [], [], [], []);
    }

    public static AnalyzedText Analyze(string text)
    {
        var folded = TextFolding.Fold(text);
        // Sized for the worst case and only read up to what was written: no need to zero them first.
        var words = ArrayPool<char>.Shared.Rent(folded.Length);
        var stems = ArrayPool<char>.Shared.Rent(folded.Length);
        var wordStarts = ArrayPool<int>.Shared.Rent(folded.Length + 1);
        var stemStarts = ArrayPool<int>.Shared.Rent(folded.Length + 1);
        int count = 0, wordLength = 0, stemLength = 0, i = 0;
        if (System.Text.Ascii.IsValid(folded))
        {
            count = TokenizeAscii(folded, words, stems, wordStarts, stemStarts, out wordLength, out stemLength);
            i = folded.Length;
        }
        while (i < folded.Length)
        {
            var kind = KindAt(folded, i, out var runeLength);
            if (kind == CharKind.Other)
            {
                i += runeLength;
                continue;
            }
            var tokenStart = wordLength;
            if (kind == CharKind.Unspaced)
            {
                folded.AsSpan(i, runeLength).CopyTo(words.AsSpan(wordLength));
                wordLength += runeLength;
                i += runeLength;
            }
            else
            {
                i = CopyWord(folded, i, words, ref wordLength);
            }
            wordStarts[count] = tokenStart;
            stemStarts[count] = stemLength;
            count++;
            stemLength += EnglishInflection.Singular(words.AsSpan(tokenStart, wordLength - tokenStart), stems.AsSpan(stemLength));
        }
        wordStarts[count] = wordLength;
        stemStarts[count] = stemLength;
        var boundary = ArrayPool<bool>.Shared.Rent(stemLength + 1);
        Array.Clear(boundary, 0, stemLength + 1);
        for (var t = 0; t <= count; t++) boundary[stemStarts[t]] = true;
        return new AnalyzedText(folded, stems, stemStarts, boundary, words, wordStarts, count);
    }

    /// <summary>
    /// The same tokens as the general loop for pure-ASCII text (most English news), in one pass
    /// with a table lookup per character, writing each word and its stem as it goes (words average
    /// five characters: too short for vectorized searches or copies to pay for their set-up): letters
    /// and digits make words, an apostrophe between two of them joins them and vanishes. Returns the token count.
    /// </summary>
    private static int TokenizeAscii(string folded, char[] words, char[] stems, int[] wordStarts, int[] stemStarts, out int wordLength, out int stemLength)
    {
        var text = folded.AsSpan();
        var isWord = AsciiWordChar;
        int count = 0, w = 0, s = 0, i = 0, n = text.Length;
        while (true)
        {
            while (i < n && !isWord[text[i]]) i++;
            if (i >= n) break;
            var tokenStart = w;
            var stemStart = s;
            while (true)
            {
                while (i < n && isWord[text[i]])
                {
                    words[w++] = text[i];
                    stems[s++] = text[i++];
                }
                if (i + 1 < n && text[i] == '\'' && isWord[text[i + 1]]) i++;
                else break;
            }
            wordStarts[count] = tokenStart;
            stemStarts[count] = stemStart;
            count++;
            s = stemStart + EnglishInflection.SingularInPlace(stems.AsSpan(stemStart, s - stemStart));
        }
        wordLength = w;
        stemLength = s;
        return count;
    }

    /// <summary>ASCII letters and digits, by character code.</summary>
    private static readonly bool[] AsciiWordChar = Enumerable.Range(0, 128).Select(c => char.IsAsciiLetterOrDigit((char)c)).ToArray();

    private enum CharKind { Other, Spaced, Unspaced }

    /// <summary>What the character at <paramref name="i"/> is; ASCII answered without Unicode tables (most text is).</summary>
    private static CharKind KindAt(string folded, int i, out int runeLength)
    {
        var c = folded[i];
        runeLength = 1;
        if (c < 0x80) return char.IsAsciiLetterOrDigit(c) ? CharKind.Spaced : CharKind.Other;
        Rune.DecodeFromUtf16(folded.AsSpan(i), out var rune, out runeLength);
        if (!Scripts.IsWordRune(rune)) return CharKind.Other;
        return Scripts.IsUnspaced(rune) ? CharKind.Unspaced : CharKind.Spaced;
    }

    /// <summary>Copies one spaced-script word starting at <paramref name="i"/>, dropping joiners; returns where it ended.</summary>
    private static int CopyWord(string folded, int i, char[] words, ref int wordLength)
    {
        while (i < folded.Length)
        {
            char c;
            while (i < folded.Length && (c = folded[i]) < 0x80 && char.IsAsciiLetterOrDigit(c))
            {
                words[wordLength++] = c;
                i++;
            }
            if (i >= folded.Length) break;
            if (Scripts.IsJoiner(folded[i]))
            {
                if (i + 1 < folded.Length && KindAt(folded, i + 1, out _) == CharKind.Spaced) i++;
                else break;
            }
            if (KindAt(folded, i, out var runeLength) != CharKind.Spaced) break;
            if (runeLength == 1) words[wordLength++] = folded[i];
            else
            {
                folded.AsSpan(i, runeLength).CopyTo(words.AsSpan(wordLength));
                wordLength += runeLength;
            }
            i += runeLength;
        }
        return i;
    }
}
