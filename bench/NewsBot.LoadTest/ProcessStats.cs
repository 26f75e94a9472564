using System.Globalization;

namespace NewsBot.LoadTest;

/// <summary>CPU time and memory of processes, read from /proc (Linux), so the harness measures the released program from outside.</summary>
public static class ProcessStats
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>User + system CPU seconds of the process; with <paramref name="withReapedChildren"/> also of its exited, reaped children.</summary>
    public static double CpuSeconds(int pid, bool withReapedChildren = false)
    {
        var fields = StatFields(pid);
        if (fields is null) return 0;
        // Fields after the command name: state is index 0, utime 11, stime 12, cutime 13, cstime 14.
        var cpu = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (withReapedChildren) cpu += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return cpu / TicksPerSecond;
    }

    /// <summary>Resident memory now and its peak (VmRSS, VmHWM), in MB.</summary>
    public static (double Rss, double Peak) MemoryMb(int pid)
    {
        double rss = 0, peak = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line) / 1024.0;
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kb(line) / 1024.0;
            }
        }
        catch (IOException)
        {
            // exited
        }
        return (rss, peak);
    }

    /// <summary>CPU seconds of a PostgreSQL cluster: the postmaster, its live backends and the backends it has reaped.</summary>
    public static double PostgresCpuSeconds(int postmasterPid)
    {
        var total = CpuSeconds(postmasterPid, withReapedChildren: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == postmasterPid) continue;
            var fields = StatFields(pid);
            if (fields is not null && fields[1] == postmasterPid.ToString(CultureInfo.InvariantCulture)) total += CpuSeconds(pid);
        }
        return total;
    }

    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long Kb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
