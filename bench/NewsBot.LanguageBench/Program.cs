using System.Diagnostics;
using NewsBot.LanguageBench;

// Measures SearchPioneer.Lingua for NewsBot's article language detection: each configuration in a
// child process of its own, since Lingua keeps loaded models for the life of the process.
//   dotnet run -c Release --project bench/NewsBot.LanguageBench -- <testdata dir> [input chars]
// <testdata dir>: Lingua's public test data, one folder per ISO 639-1 code holding sentences.txt and
// word-pairs.txt (the language-models/<code>/testdata folders of the pemistahl/lingua-rs repository).
if (args is ["--child", var childName, var childCodes, var childMode, var chars, var data])
{
    DetectorRun.Run(childName, childCodes.Split(','), childMode == "low", int.Parse(chars, System.Globalization.CultureInfo.InvariantCulture), data);
    return 0;
}
if (args.Length == 0 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: NewsBot.LanguageBench <testdata dir> [input chars, default 1000] [config name filter]");
    return 2;
}
var testdata = args[0];
var input = args.Length > 1 ? args[1] : "1000";
var only = args.Length > 2 ? args[2] : null;
var news = DetectorRun.NewsLanguages;
var all = Lingua.LanguageInfo.All().Select(l => Lingua.LanguageInfo.IsoCode6391(l).ToString().ToLowerInvariant()).ToArray();
(string Name, string[] Codes, string Mode)[] configs =
[
    ("none", ["en", "ar"], "none"),
    ("ar+en", ["ar", "en"], "high"),
    ("ar+en", ["ar", "en"], "low"),
    ("five", ["ar", "en", "fr", "es", "pt"], "high"),
    ("five", ["ar", "en", "fr", "es", "pt"], "low"),
    ("news18", news, "high"),
    ("news18", news, "low"),
    ("all", all, "high"),
    ("all", all, "low"),
];
foreach (var (name, codes, mode) in configs.Where(c => only is null || c.Name == only))
{
    if (mode == "none") continue;
    var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["--child", name, string.Join(',', codes), mode, input, testdata]))!;
    child.WaitForExit();
}
return 0;
