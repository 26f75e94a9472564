using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NewsBot.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)), so figures mean
/// "on one core" even when other processes share the machine; wall time elsewhere.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;
    private static readonly bool Available = OperatingSystem.IsLinux() && TryRead(out _);

    public static string Kind => Available ? "thread CPU time" : "wall time";

    /// <summary>Current reading in microseconds.</summary>
    public static double NowMicroseconds()
    {
        if (Available && TryRead(out var micros)) return micros;
        return Stopwatch.GetTimestamp() * 1e6 / Stopwatch.Frequency;
    }

    private static bool TryRead(out double micros)
    {
        micros = 0;
        try
        {
            if (clock_gettime(ClockThreadCpuTime, out var time) != 0) return false;
            micros = time.Seconds * 1e6 + time.Nanoseconds / 1e3;
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clockId, out TimeSpec time);
}
