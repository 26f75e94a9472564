using System.Globalization;
using NewsBot.Benchmarks;

namespace NewsBot.TextScaling;

/// <summary>
/// Runs each stage at n and 8n on a thread with a large stack (so a stage that still recurses per
/// nesting level shows its time instead of ending the run) and prints one row per stage.
/// </summary>
internal static class ScalingTable
{
    private const int Repetitions = 3;
    private const int StackBytes = 512 * 1024 * 1024;

    public static void Run(IReadOnlyList<Stage> stages)
    {
        Console.WriteLine($"Clock: {ThreadCpuClock.Kind}, median of {Repetitions}; ratio = time(8n) / time(n), linear ≈ 8, quadratic ≈ 64.");
        Console.WriteLine($"{"stage",-48} {"n",12} {"time(n)",12} {"time(8n)",12} {"ratio",7}");
        foreach (var stage in stages)
        {
            string row = "";
            var thread = new Thread(() => row = Measure(stage), StackBytes);
            thread.Start();
            thread.Join();
            Console.WriteLine(row);
        }
    }

    private static string Measure(Stage stage)
    {
        try
        {
            var small = stage.MakeInput(stage.N);
            var large = stage.MakeInput(8 * stage.N);
            stage.Run(stage.MakeInput(Math.Max(1, stage.N / 8))); // JIT and lazily built automata are not the input's cost
            var smallTime = MedianMicroseconds(() => stage.Run(small), minimumMicroseconds: 20_000);
            var largeTime = MedianMicroseconds(() => stage.Run(large), minimumMicroseconds: 0);
            return string.Create(CultureInfo.InvariantCulture,
                $"{stage.Name,-48} {stage.N + " " + stage.Unit,12} {Format(smallTime),12} {Format(largeTime),12} {largeTime / Math.Max(smallTime, 0.001),7:F1}");
        }
        catch (Exception e)
        {
            return $"{stage.Name,-48} failed: {e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>Median per call; a run of a small input repeats the call until it lasts long enough for the clock.</summary>
    private static double MedianMicroseconds(Action call, double minimumMicroseconds)
    {
        var runs = new double[Repetitions];
        for (var r = 0; r < runs.Length; r++)
        {
            var start = ThreadCpuClock.NowMicroseconds();
            var calls = 0;
            do { call(); calls++; } while (ThreadCpuClock.NowMicroseconds() - start < minimumMicroseconds);
            runs[r] = (ThreadCpuClock.NowMicroseconds() - start) / calls;
        }
        Array.Sort(runs);
        return runs[Repetitions / 2];
    }

    private static string Format(double micros) =>
        micros >= 1e6 ? string.Create(CultureInfo.InvariantCulture, $"{micros / 1e6:F2} s")
        : string.Create(CultureInfo.InvariantCulture, $"{micros / 1e3:F2} ms");
}
