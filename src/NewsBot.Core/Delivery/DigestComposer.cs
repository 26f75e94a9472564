namespace NewsBot.Core.Delivery;

/// <summary>
/// Turns held alerts into digest messages: one line per story, newest story first, under a header
/// ("12 alerts while you were away"), split across messages at line boundaries so each fits the
/// platform limit. Message composition only; sending is the adapter's job.
/// </summary>
public static class DigestComposer
{
    public const int MinMaxLength = 100;

    /// <summary>The message texts to send, in order; empty when there is nothing to send.</summary>
    public static IReadOnlyList<string> Compose(DigestKind kind, IReadOnlyList<DigestEntry> entries, DigestLayout layout) =>
        ComposeParts(kind, entries, layout).Select(p => p.Text).ToList();

    /// <summary>
    /// The messages with the stories each one lists, so a sender can record which entries went out
    /// when a later part fails (and send only the rest next time).
    /// </summary>
    public static IReadOnlyList<DigestPart> ComposeParts(DigestKind kind, IReadOnlyList<DigestEntry> entries, DigestLayout layout)
    {
        // Every platform limit we deliver to is far above this (Telegram 4096, Discord 2000/4096);
        // below it a header and one readable line cannot share a message.
        ArgumentOutOfRangeException.ThrowIfLessThan(layout.MaxLength, MinMaxLength, nameof(layout.MaxLength));
        if (entries.Count == 0) return [];
        var stories = GroupByStory(entries);
        var header = Header(kind, entries.Count, stories.Count);

        // The part number in each header ("(2/3)") depends on how many parts there are, and the
        // header's length on the number; repeat until the count is stable (it is after one or two rounds).
        var parts = 1;
        for (var round = 0; ; round++)
        {
            var headers = Enumerable.Range(1, parts).Select(i => RenderedHeader(layout, header, i, parts)).ToList();
            var longest = headers.Max(layout.Measure);
            var lineBudget = layout.MaxLength - longest - 1; // one line break after the header
            if (lineBudget < 20)
                throw new ArgumentException($"digest: the header '{headers[0]}' leaves {lineBudget} of {layout.MaxLength} characters for stories", nameof(layout));
            var lines = stories.Select(s => LineShortener.Fit(s, layout, lineBudget)).ToList();
            var grouped = Pack(lines, lineBudget, layout.Measure);
            if (grouped.Count == parts || round > 8)
                return grouped.Select((g, i) => new DigestPart(
                    RenderedHeader(layout, header, i + 1, grouped.Count) + "\n" + string.Join("\n", g.Select(n => lines[n])),
                    g.Select(n => stories[n].StoryId).ToList())).ToList();
            parts = grouped.Count;
        }
    }

    /// <summary>Stories newest first; within a story the first report gives headline and link.</summary>
    public static IReadOnlyList<DigestStory> GroupByStory(IReadOnlyList<DigestEntry> entries) =>
        entries
            .Select((entry, index) => (entry, index))
            .GroupBy(x => x.entry.StoryId)
            .Select(g =>
            {
                var ordered = g.OrderBy(x => x.entry.Published).ThenBy(x => x.index).Select(x => x.entry).ToList();
                var first = ordered[0];
                var also = ordered.Select(e => e.SourceName).Concat(ordered.SelectMany(e => e.AlsoSources))
                    .Where(s => !string.Equals(s, first.SourceName, StringComparison.OrdinalIgnoreCase))
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var terms = ordered.SelectMany(e => e.MatchedTerms).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                return new DigestStory(g.Key, first.Headline, first.Link, first.SourceName, also, ordered[^1].Published, terms, ordered.Count);
            })
            .OrderByDescending(s => s.Latest)
            .ThenBy(s => s.StoryId)
            .ToList();

    public static string Header(DigestKind kind, int alerts, int stories)
    {
        var storyCount = Count(stories, "story", "stories");
        var alertCount = Count(alerts, "alert", "alerts");
        var extra = stories != alerts ? $" ({storyCount})" : "";
        return kind switch
        {
            DigestKind.Away => $"{alertCount} while you were away{extra}",
            DigestKind.Hourly => $"Hourly digest — {storyCount}",
            DigestKind.Daily => $"Daily digest — {storyCount}",
            _ => $"{alerts} more {(alerts == 1 ? "alert" : "alerts")} this hour{extra}",
        };
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    private static string RenderedHeader(DigestLayout layout, string header, int part, int parts) =>
        layout.RenderHeader(parts == 1 ? header : $"{header} ({part}/{parts})");

    // Greedy: fill each message with whole lines until the next one would pass the budget; returns line numbers.
    private static List<List<int>> Pack(List<string> lines, int budget, Func<string, int> measure)
    {
        var groups = new List<List<int>>();
        List<int>? current = null;
        var used = 0;
        for (var line = 0; line < lines.Count; line++)
        {
            var length = measure(lines[line]);
            if (current is null || used + 1 + length > budget)
            {
                current = [line];
                groups.Add(current);
                used = length;
            }
            else
            {
                current.Add(line);
                used += 1 + length;
            }
        }
        return groups;
    }
}

/// <summary>One digest message and the stories (<see cref="DigestEntry.StoryId"/>) it lists.</summary>
public sealed record DigestPart(string Text, IReadOnlyList<long> StoryIds);
