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
