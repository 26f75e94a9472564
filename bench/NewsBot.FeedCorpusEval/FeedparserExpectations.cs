using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsBot.FeedCorpusEval;

/// <summary>
/// feedparser's test feeds state what they expect in a leading comment, as a Python expression:
/// "Expect: not bozo and entries[0]['title'] == u'Example'". Only the item titles and links compared
/// for equality are taken; every other kind of expectation is left out.
/// </summary>
internal static partial class FeedparserExpectations
{
    public static List<(int Index, string Field, string Value)> Read(string xmlPath)
    {
        var head = File.ReadAllText(xmlPath, Encoding.Latin1);
        var expect = head.IndexOf("Expect:", StringComparison.Ordinal);
        if (expect < 0) return [];
        var end = head.IndexOf("-->", expect, StringComparison.Ordinal);
        var text = head[expect..(end < 0 ? Math.Min(head.Length, expect + 2000) : end)];
        // The file is read as Latin-1 only to find the comment; the value is re-read as UTF-8.
        text = Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(text));
        return ItemEquality().Matches(text)
            .Select(m => (int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture), m.Groups["f"].Value, Unescape(m.Groups["v"].Value)))
            .ToList();
    }

    private static string Unescape(string python) =>
        PythonEscape().Replace(python, m => m.Groups[1].Value switch
        {
            ['u', ..] or ['x', ..] => char.ConvertFromUtf32(int.Parse(m.Groups[1].Value[1..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
            "n" => "\n",
            "t" => "\t",
            var other => other,
        });

    [GeneratedRegex(@"entries\[(?<i>\d+)\](?:\['|\.)(?<f>title|link)'?\]?\s*==\s*u?'(?<v>(?:[^'\\]|\\.)*)'")]
    private static partial Regex ItemEquality();

    [GeneratedRegex(@"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)")]
    private static partial Regex PythonEscape();
}
