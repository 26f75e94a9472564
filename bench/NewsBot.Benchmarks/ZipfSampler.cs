namespace NewsBot.Benchmarks;

/// <summary>
/// Picks ranks 0..n-1 with probability proportional to 1/(rank+Offset): popular names are in many
/// filters and articles, most in few; the offset keeps the most popular names from being in a large
/// share of all filters.
/// </summary>
internal sealed class ZipfSampler
{
    private const int Offset = 2000;
    private readonly double[] _cumulative;

    public ZipfSampler(int count)
    {
        _cumulative = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++) _cumulative[i] = sum += 1.0 / (i + Offset);
    }

    public int Next(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        return index >= 0 ? index : Math.Min(~index, _cumulative.Length - 1);
    }
}
