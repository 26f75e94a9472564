using System.Globalization;
using BenchmarkDotNet.Running;
using NewsBot.Benchmarks;

// --quick: a table in under a minute; anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args.Length == 3 && args[0] == "--profile")
{
    ProfileRun.Run(int.Parse(args[1], CultureInfo.InvariantCulture), double.Parse(args[2], CultureInfo.InvariantCulture));
    return;
}
if (args.Contains("--quick"))
{
    var sizes = args.Contains("--small") ? [1_000, 100_000] : new[] { 1_000, 100_000, 1_000_000 };
    QuickRun.Run(sizes);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(FilterWorkload).Assembly).Run(args);
