using System.Text;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Core.Filters.Language;

/// <summary>
/// Finds letter runs one of which every match of a pattern must contain, so the index only runs
/// the pattern on articles containing one of them. Conservative: each alternative (split by |)
/// needs a run of plain letters of <see cref="MinLength"/> or more — classes, escapes, groups and
/// optional characters end a run — or, lacking one, a group it cannot skip whose own alternatives
/// all have one (<c>\d+ (dead|killed)</c> needs "dead" or "killed"). An alternative with neither
/// means the pattern has no required literals and is run on every article.
/// </summary>
public static class RequiredLiterals
{
    public const int MinLength = 3;

    public static IReadOnlyList<string> Of(string pattern)
    {
        var literals = new List<string>();
        foreach (var branch in TopLevelBranches(pattern))
        {
            var best = LongestRun(branch, out var requiredGroup);
            if (best.Length >= MinLength) literals.Add(TextFolding.Fold(best));
            else if (requiredGroup.Count > 0) literals.AddRange(requiredGroup);
            else return [];
        }
        return literals.Distinct().ToList();
    }

    private static List<string> TopLevelBranches(string pattern)
    {
        var branches = new List<string>();
        int depth = 0, start = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\': i++; break;
                case '[': i = ClassEnd(pattern, i); break;
                case '(': depth++; break;
                case ')': depth--; break;
                case '|' when depth == 0:
                    branches.Add(pattern[start..i]);
                    start = i + 1;
                    break;
            }
        }
        branches.Add(pattern[start..]);
        return branches;
    }

    /// <param name="requiredGroup">The required literals of the first group the branch cannot skip that has some; empty if none.</param>
    private static string LongestRun(string branch, out IReadOnlyList<string> requiredGroup)
    {
        requiredGroup = [];
        var best = "";
        var run = new StringBuilder();
        var i = 0;
        while (i < branch.Length)
        {
            var c = branch[i];
            var atomEnd = c switch
            {
                '\\' => i + 2,
                '[' => ClassEnd(branch, i) + 1,
                '(' => GroupEnd(branch, i) + 1,
                _ => i + 1,
            };
            var literal = atomEnd == i + 1 && IsLiteralLetter(c);
            var (minRepeat, next) = Quantifier(branch, Math.Min(atomEnd, branch.Length));
            if (literal && minRepeat >= 1) run.Append(c);
            if (c == '(' && minRepeat >= 1 && requiredGroup.Count == 0 && GroupBody(branch, i, atomEnd) is { } body) requiredGroup = Of(body);
            if (!literal || minRepeat != 1 || next != atomEnd)
            {
                if (run.Length > best.Length) best = run.ToString();
                run.Clear();
            }
            i = next;
        }
        return run.Length > best.Length ? run.ToString() : best;
    }

    /// <summary>Reads a quantifier at <paramref name="i"/>: its minimum count and where it ends (1 and <paramref name="i"/> when none).</summary>
    private static (int Min, int End) Quantifier(string s, int i)
    {
        if (i >= s.Length) return (1, i);
        int min, end;
        switch (s[i])
        {
            case '*': (min, end) = (0, i + 1); break;
            case '?': (min, end) = (0, i + 1); break;
            case '+': (min, end) = (2, i + 1); break; // at least one, but the repeat breaks the run
            case '{':
                var close = s.IndexOf('}', i);
                if (close < 0) return (1, i);
                var counts = s[(i + 1)..close];
                if (!int.TryParse(counts.Split(',')[0], out min)) return (1, i);
                min = counts == "1" ? 1 : Math.Min(min, 2);
                end = close + 1;
                break;
            default: return (1, i);
        }
        if (end < s.Length && s[end] is '?' or '+') end++;
        return (min, end);
    }

    private static bool IsLiteralLetter(char c) =>
        !char.IsSurrogate(c) && Scripts.IsWordRune(new Rune(c)) && !Scripts.IsUnspaced(new Rune(c));

    private static int ClassEnd(string s, int open)
    {
        var i = open + 1;
        if (i < s.Length && s[i] == '^') i++;
        if (i < s.Length && s[i] == ']') i++;
        for (; i < s.Length; i++)
        {
            if (s[i] == '\\') i++;
            else if (s[i] == ']') return i;
        }
        return s.Length - 1;
    }

    /// <summary>A plain or non-capturing group's content; null for lookarounds, options and the like, whose content need not occur.</summary>
    private static string? GroupBody(string s, int open, int end)
    {
        if (end > s.Length || s[end - 1] != ')') return null;
        var body = s[(open + 1)..(end - 1)];
        if (!body.StartsWith('?')) return body;
        if (body.StartsWith("?:", StringComparison.Ordinal)) return body[2..];
        if (body.StartsWith("?<", StringComparison.Ordinal) && body.Length > 2 && body[2] is not ('=' or '!')) return body.IndexOf('>') is var close and > 0 ? body[(close + 1)..] : null;
        return null;
    }

    private static int GroupEnd(string s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '\\': i++; break;
                case '[': i = ClassEnd(s, i); break;
                case '(': depth++; break;
                case ')':
                    if (--depth == 0) return i;
                    break;
            }
        }
        return s.Length - 1;
    }
}
