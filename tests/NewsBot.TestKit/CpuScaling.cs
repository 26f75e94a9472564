namespace NewsBot.TestKit;

/// <summary>
/// Measures how a text stage's CPU time grows from an input of size n to one of size 8n: linear
/// work gives about 8, quadratic work 64. The calling thread's CPU time is measured (Linux
/// CLOCK_THREAD_CPUTIME_ID), not wall time, so other processes on the shared machine do not count.
/// </summary>
public static class CpuScaling
{
    /// <summary>Well below the 64 of quadratic work, well above the 8 of linear work plus noise.</summary>
    public const double MaxLinearRatio = 24;

    public sealed record Figures(double SmallSeconds, double LargeSeconds)
    {
        public double Ratio => LargeSeconds / Math.Max(SmallSeconds, 1e-9);
        public override string ToString() => $"n: {SmallSeconds * 1e3:F2} ms, 8n: {LargeSeconds * 1e3:F2} ms, ratio {Ratio:F1}";
    }

    /// <summary>
    /// Median CPU seconds per call of <paramref name="stage"/> on the inputs made for n and 8n (made before timing).
    /// A ratio past <see cref="MaxLinearRatio"/> on inputs this quick is measured again at 4n and 32n, and the
    /// lower ratio counts: at sizes of a few hundred KB the small input stays in cache while the large one does
    /// not, which alone can triple the ratio; quadratic work stays near 64 at every size.
    /// </summary>
    public static Figures Measure<T>(Func<int, T> makeInput, int n, Action<T> stage)
    {
        var figures = MeasureOnce(makeInput, n, stage);
        if (figures.Ratio < MaxLinearRatio || figures.LargeSeconds > EscalateBelowSeconds) return figures;
        var larger = MeasureOnce(makeInput, 4 * n, stage);
        return larger.Ratio < figures.Ratio ? larger : figures;
    }

    /// <summary>Above this an 8n input is slow enough to measure cleanly: its ratio stands.</summary>
    private const double EscalateBelowSeconds = 0.25;

    private static Figures MeasureOnce<T>(Func<int, T> makeInput, int n, Action<T> stage)
    {
        var small = makeInput(n);
        var large = makeInput(8 * n);
        stage(small); // JIT and lazily built regex automata are not part of the input's cost
        var smallSeconds = MedianSecondsPerCall(() => stage(small), minimumSeconds: 0.02);
        var largeSeconds = MedianSecondsPerCall(() => stage(large), minimumSeconds: 0);
        return new Figures(smallSeconds, largeSeconds);
    }

    /// <summary>Median of 3 runs; small inputs repeat within a run until it lasts long enough for the clock.</summary>
    private static double MedianSecondsPerCall(Action call, double minimumSeconds)
    {
        var runs = new double[3];
        for (var r = 0; r < runs.Length; r++)
        {
            var start = ThreadSeconds();
            var calls = 0;
            do { call(); calls++; } while (ThreadSeconds() - start < minimumSeconds);
            runs[r] = (ThreadSeconds() - start) / calls;
        }
        Array.Sort(runs);
        return runs[1];
    }

    /// <summary>The calling thread's CPU seconds (<see cref="CostMeter.ThreadCpuTime"/>).</summary>
    public static double ThreadSeconds() => CostMeter.ThreadCpuTime().TotalSeconds;
}
