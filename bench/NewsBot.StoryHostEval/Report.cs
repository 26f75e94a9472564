namespace NewsBot.StoryHostEval;

/// <summary>What a reader would notice first: the events split over the most stories, and the stories mixing the most events.</summary>
public static class Report
{
    public static void Worst(IReadOnlyList<(string Event, string Group, LabelledHeadline Article)> items)
    {
        Console.WriteLine("events split over the most stories:");
        foreach (var e in items.GroupBy(i => i.Event).OrderByDescending(g => g.Select(i => i.Group).Distinct().Count()).Take(3))
        {
            Console.WriteLine($"  {e.Count()} articles in {e.Select(i => i.Group).Distinct().Count()} stories, e.g.:");
            foreach (var g in e.GroupBy(i => i.Group).Take(4)) Console.WriteLine($"    [{g.Count()}] {g.First().Article.Headline}");
        }
        Console.WriteLine("stories mixing the most events:");
        foreach (var s in items.GroupBy(i => i.Group).Where(g => g.Select(i => i.Event).Distinct().Count() > 1).OrderByDescending(g => g.Select(i => i.Event).Distinct().Count()).Take(3))
        {
            Console.WriteLine($"  {s.Count()} articles of {s.Select(i => i.Event).Distinct().Count()} events, e.g.:");
            foreach (var e in s.GroupBy(i => i.Event).Take(4)) Console.WriteLine($"    [{e.Count()}] {e.First().Article.Headline}");
        }
    }
}
