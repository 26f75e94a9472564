namespace NewsBot.StoryEval;

/// <summary>The worst wrong joins (predicted stories mixing events) and missed joins (events split over stories).</summary>
internal static class Examples
{
    public static void Print(IReadOnlyList<EvalArticle> articles, long[] story, int count)
    {
        if (count <= 0) return;
        var indexes = Enumerable.Range(0, articles.Count).ToList();
        // A story mixing events: its two largest events, weighted by the wrong pairs between them.
        var wrong = indexes.GroupBy(i => story[i])
            .Select(g => g.GroupBy(i => articles[i].Event).OrderByDescending(e => e.Count()).Take(2).ToList())
            .Where(parts => parts.Count == 2)
            .OrderByDescending(parts => (long)parts[0].Count() * parts[1].Count())
            .Take(count);
        foreach (var parts in wrong)
            Console.WriteLine($"    wrongly joined ({parts[0].Count()}×{parts[1].Count()}): \"{articles[parts[0].First()].Headline}\" + \"{articles[parts[1].First()].Headline}\"");
        var missed = indexes.GroupBy(i => articles[i].Event)
            .Select(g => g.GroupBy(i => story[i]).OrderByDescending(s => s.Count()).Take(2).ToList())
            .Where(parts => parts.Count == 2)
            .OrderByDescending(parts => (long)parts[0].Count() * parts[1].Count())
            .Take(count);
        foreach (var parts in missed)
            Console.WriteLine($"    missed ({parts[0].Count()}×{parts[1].Count()}): \"{articles[parts[0].First()].Headline}\" / \"{articles[parts[1].First()].Headline}\"");
    }
}
