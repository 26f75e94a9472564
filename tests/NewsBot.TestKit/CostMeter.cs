using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NewsBot.TestKit;

/// <summary>
/// Measures what a piece of work costs on the machine's noisy, shared cores: the CPU time of the
/// thread that ran it (not wall time, which other processes inflate), and runs work on a thread
/// with a small stack so that recursion whose depth the input decides fails loudly in a test
/// instead of surviving on a large default stack.
/// </summary>
public static class CostMeter
{
    /// <summary>A small stack: a recursive walk over a few thousand levels overflows it.</summary>
    public const int SmallStackBytes = 256 * 1024;

    /// <summary>Runs <paramref name="work"/> on a new thread with <paramref name="stackBytes"/> of stack; returns its result and the thread's CPU time.</summary>
    public static (T Result, TimeSpan Cpu) Run<T>(Func<T> work, int stackBytes = SmallStackBytes)
    {
        T result = default!;
        Exception? failure = null;
        var cpu = TimeSpan.Zero;
        var thread = new Thread(() =>
        {
            var before = ThreadCpuTime();
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
            cpu = ThreadCpuTime() - before;
        }, stackBytes);
        thread.Start();
        thread.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return (result, cpu);
    }

    /// <summary>The smallest CPU time of <paramref name="runs"/> runs: the least disturbed by the neighbours.</summary>
    public static TimeSpan BestOf(int runs, Action work, int stackBytes = SmallStackBytes)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            // A collection of earlier garbage (other tests' too) would be charged to the measured run:
            // seen in CI as 4 ms at n and 106 ms at 8n, best of three.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var (_, cpu) = Run(() => { work(); return 0; }, stackBytes);
            if (cpu < best) best = cpu;
        }
        return best;
    }

    /// <summary>CPU time of the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)); elsewhere the process's.</summary>
    public static TimeSpan ThreadCpuTime()
    {
        if (OperatingSystem.IsLinux() && clock_gettime(ClockThreadCpuTimeId, out var ts) == 0)
            return TimeSpan.FromTicks(ts.Seconds * TimeSpan.TicksPerSecond + ts.Nanoseconds / 100);
        return Process.GetCurrentProcess().TotalProcessorTime;
    }

    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the kit is not compiled with unsafe code.
    [DllImport("libc")]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
}
