namespace NewsBot.StoryHostEval;

public static class Shuffle
{
    /// <summary>The list in a seeded random order (Fisher–Yates), so a run can be repeated.</summary>
    public static List<T> Shuffled<T>(this List<T> list, int seed)
    {
        var random = new Random(seed);
        var copy = list.ToList();
        for (var i = copy.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy;
    }
}
