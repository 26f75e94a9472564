using NewsBot.Core.Filters;
using NewsBot.Core.Filters.Normalization;
namespace NewsBot.Benchmarks;
internal static class Probe
{
    public static void Run()
    {
        var w = new FilterWorkload();
        var a = w.Article();
        void T(string name, int n, Func<int> act) { act(); var t0 = ThreadCpuClock.NowMicroseconds(); var s = 0; for (var i = 0; i < n; i++) s += act(); Console.WriteLine($"{name}: {(ThreadCpuClock.NowMicroseconds() - t0) / n:F2} us {s % 2}"); }
        var body = a.Body;
        T("loop", 5000, () => { var c = 0; foreach (var ch in body) if (char.IsAsciiLetterOrDigit(ch)) c++; return c; });
        T("alloc", 5000, () => new char[1600].Length + new int[1600].Length + new char[1600].Length + new int[1600].Length);
        T("analyze", 5000, () => AnalyzedText.Analyze(body).Count);
        T("singular", 5000, () => { Span<char> d = stackalloc char[20]; var c = 0; for (var i = 0; i < 300; i++) c += EnglishInflection.Singular("talks", d); return c; });
    }
}
