using System.Globalization;

namespace NewsBot.Sources.Parsing;

/// <summary>
/// Counts the caps of <see cref="FeedLimits"/> that bit during one parse and words them for the
/// source's health ("12 titles cut to 500 characters"). One line per kind of cut, in first-seen order.
/// </summary>
public sealed class TruncationNotes
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (string Many, int Count)> _counts = new(StringComparer.Ordinal);
    private readonly List<string> _lines = [];

    /// <summary>One more occurrence of a cut; <paramref name="one"/> and <paramref name="many"/> are the singular and plural wording after the count.</summary>
    public void Add(string one, string many)
    {
        if (_counts.TryGetValue(one, out var entry))
        {
            _counts[one] = entry with { Count = entry.Count + 1 };
            return;
        }
        _order.Add(one);
        _counts[one] = (many, 1);
    }

    /// <summary>A cut that is described once, with its own figures ("kept the newest 500 of 20,000 items").</summary>
    public void AddLine(string line) => _lines.Add(line);

    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>(_lines.Count + _order.Count);
        foreach (var key in _order)
        {
            var (many, count) = _counts[key];
            lines.Add(count == 1 ? $"1 {key}" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} {many}"));
        }
        lines.AddRange(_lines);
        return lines;
    }
}
