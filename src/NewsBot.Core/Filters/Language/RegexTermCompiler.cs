using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsBot.Core.Filters.Language;

/// <summary>
/// Validates and compiles <c>/pattern/</c> terms. Allowed: characters and escapes, classes
/// <c>[...]</c>, <c>.</c>, <c>\d \w \s \b</c> and <c>\p{..}</c>, groups <c>( )</c> and
/// <c>(?: )</c>, alternatives <c>|</c>, quantifiers <c>* + ? {n,m}</c>, anchors <c>^ $</c>.
/// Not allowed: backreferences, lookaround, named groups, inline options and atomic groups.
/// Patterns run case-insensitively on the folded text (lower case, accents removed) with .NET's
/// non-backtracking engine, whose time grows linearly with the text, plus a match timeout, so no
/// pattern can stall matching for everyone else.
/// </summary>
public static class RegexTermCompiler
{
    /// <summary>
    /// Generous on purpose: the engine is linear, so this only guards against the unforeseen, and a
    /// tight limit would let a cold start (JIT, lazily built automaton) flip a result.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private const int CacheLimit = 10_000;
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    // Many users type the same pattern; one compiled instance serves all their filters.
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new();

    /// <param name="column">Column of the opening slash.</param>
    public static RegexTerm Compile(string pattern, int column, bool titleOnly, FilterLimits limits)
    {
        if (pattern.Length == 0) throw new FilterSyntaxException("empty regular expression", column);
        if (pattern.Length > limits.MaxRegexLength)
            throw new FilterSyntaxException($"regular expression longer than {limits.MaxRegexLength} characters", column);
        RejectUnsupported(pattern, column + 1);
        RejectCostly(pattern, column + 1);
        return new RegexTerm(titleOnly, pattern, Build(pattern, column + 1), RequiredLiterals.Of(pattern));
    }

    private static Regex Build(string pattern, int patternColumn)
    {
        if (Compiled.TryGetValue(pattern, out var cached)) return cached;
        Regex regex;
        try
        {
            regex = new Regex(pattern, Options, MatchTimeout);
        }
        catch (RegexParseException e)
        {
            throw new FilterSyntaxException($"invalid regular expression: {Describe(e.Error)}", patternColumn + Math.Max(0, e.Offset - 1));
        }
        catch (NotSupportedException)
        {
            throw new FilterSyntaxException("regular expression uses a construct that is not allowed", patternColumn);
        }
        // Builds the engine's first states now rather than during the first article's match.
        regex.IsMatch("warm up 1");
        if (Compiled.Count < CacheLimit) Compiled.TryAdd(pattern, regex);
        return regex;
    }

    private static void RejectUnsupported(string pattern, int patternColumn)
    {
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                if (!inClass && (next is >= '1' and <= '9' || next == 'k'))
                    throw new FilterSyntaxException("backreferences are not allowed in regular expressions", patternColumn + i);
                i++;
            }
            else if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '(' && !inClass && i + 1 < pattern.Length && pattern[i + 1] == '?'
                     && !(i + 2 < pattern.Length && pattern[i + 2] == ':'))
                throw new FilterSyntaxException("only ( ) and (?: ) groups are allowed in regular expressions (no lookaround, named groups or options)", patternColumn + i);
        }
    }

    /// <summary>
    /// The non-backtracking engine is linear in the text, but its cost per character grows with the
    /// pattern unfolded: <c>(.{0,30}a){0,30}</c> is 930 positions and ran into the match timeout on a
    /// 20,000-character article, for every article a /add preview or the matcher scans. So a
    /// pattern whose counted repeats unfold past <see cref="MaxUnfoldedPositions"/> is refused when
    /// the filter is added, with a message that says why; the timeout stays only as a last guard.
    /// </summary>
    public const int MaxUnfoldedPositions = 300;

    private static void RejectCostly(string pattern, int patternColumn)
    {
        var size = UnfoldedPositions(pattern);
        if (size > MaxUnfoldedPositions)
            throw new FilterSyntaxException(
                $"regular expression repeats too much ({{n,m}} counts multiply to about {size} positions, at most {MaxUnfoldedPositions}); use * or + instead of large counts", patternColumn);
    }

    /// <summary>
    /// Positions of the pattern with every {n,m} written out (an atom or group repeated m times, or n
    /// when there is no upper bound); * + ? count once. One pass, a stack as deep as the pattern's
    /// groups (the pattern is at most <see cref="FilterLimits.MaxRegexLength"/> characters).
    /// </summary>
    public static long UnfoldedPositions(string pattern)
    {
        const long Cap = 1_000_000_000; // saturate: only the comparison with the limit matters
        var outer = new Stack<long>();
        long current = 0, lastAtom = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    i = pattern.AsSpan(i).StartsWith(@"\p{") || pattern.AsSpan(i).StartsWith(@"\P{")
                        ? Math.Max(i + 1, pattern.IndexOf('}', i) is var close && close < 0 ? pattern.Length : close)
                        : i + 1;
                    lastAtom = 1;
                    current = Math.Min(Cap, current + 1);
                    break;
                case '[':
                    i = ClassEnd(pattern, i);
                    lastAtom = 1;
                    current = Math.Min(Cap, current + 1);
                    break;
                case '(':
                    outer.Push(current);
                    current = 0;
                    if (pattern.AsSpan(i).StartsWith("(?:")) i += 2;
                    break;
                case ')':
                    lastAtom = current;
                    current = Math.Min(Cap, (outer.Count > 0 ? outer.Pop() : 0) + lastAtom);
                    break;
                case '{' when TryCount(pattern, i, out var times, out var end):
                    current = Math.Min(Cap, current + lastAtom * Math.Max(0, times - 1));
                    lastAtom = Math.Min(Cap, lastAtom * times);
                    i = end;
                    break;
                case '*' or '+' or '?' or '|' or '^' or '$':
                    break;
                default:
                    lastAtom = 1;
                    current = Math.Min(Cap, current + 1);
                    break;
            }
        }
        while (outer.Count > 0) current = Math.Min(Cap, current + outer.Pop());
        return current;
    }

    private static int ClassEnd(string pattern, int open)
    {
        for (var i = open + 1; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\') i++;
            else if (pattern[i] == ']' && i > open + 1) return i;
        }
        return pattern.Length;
    }

    /// <summary>Reads {n}, {n,} or {n,m} at <paramref name="open"/>: the larger count, and where it ends.</summary>
    private static bool TryCount(string pattern, int open, out long times, out int end)
    {
        times = 0;
        end = pattern.IndexOf('}', open);
        if (end < 0) return false;
        var parts = pattern[(open + 1)..end].Split(',');
        if (parts.Length > 2 || !long.TryParse(parts[0], out var low)) return false;
        long high = low;
        if (parts.Length == 2 && parts[1].Length > 0 && !long.TryParse(parts[1], out high)) return false;
        times = Math.Min(1_000_000, Math.Max(low, high));
        return true;
    }

    /// <summary>"UnterminatedBracket" becomes "unterminated bracket".</summary>
    private static string Describe(RegexParseError error)
    {
        var name = error.ToString();
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append(' ');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
