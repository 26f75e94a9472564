using Lingua;
using Microsoft.Extensions.Options;
using NewsBot.Pipeline.Match;

namespace NewsBot.Pipeline.Ingest;

/// <summary>
/// Guesses the language of articles that declare none, for <c>lang:</c> filters. Nothing is loaded
/// while no filter uses <c>lang:</c>. The detector weighs the languages filters name plus
/// <see cref="LanguageOptions.AlsoConsider"/>; when the languages in use change, a new one is
/// built (models preloaded) on the thread pool, and the next poll waits for it once rather than
/// guessing with a detector that cannot name the new language.
/// </summary>
public sealed partial class ArticleLanguageDetector(FilterIndexHolder filters, IOptions<LanguageOptions> options, ILogger<ArticleLanguageDetector> log)
{
    private readonly Lock _gate = new();
    private IReadOnlyList<string>? _inUse;
    private HashSet<Language> _languages = [];
    private Task<ReadyDetector?> _ready = Task.FromResult<ReadyDetector?>(null);

    /// <summary>The detector for this poll's articles, or null when no filter uses <c>lang:</c> (or detection is off).</summary>
    public Task<ReadyDetector?> CurrentAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Detect) return Task.FromResult<ReadyDetector?>(null);
        var inUse = filters.Index.LanguagesInUse; // a new array after each change
        lock (_gate)
        {
            if (!ReferenceEquals(inUse, _inUse))
            {
                _inUse = inUse;
                var wanted = Wanted(inUse, o);
                if (!wanted.SetEquals(_languages))
                {
                    _languages = wanted;
                    _ready = wanted.Count == 0 ? Task.FromResult<ReadyDetector?>(null) : Task.Run(() => Build(wanted, o));
                }
            }
            return _ready.WaitAsync(ct);
        }
    }

    private HashSet<Language> Wanted(IReadOnlyList<string> inUse, LanguageOptions o)
    {
        if (inUse.Count == 0) return [];
        var wanted = new HashSet<Language>();
        foreach (var code in inUse.Concat(o.Considered))
        {
            if (DetectableLanguages.Of(code) is { } language) wanted.Add(language);
            else LogUndetectable(code);
        }
        // One language alone would be every article's answer.
        if (wanted.Count < 2) wanted.Add(wanted.Contains(Language.English) ? Language.French : Language.English);
        return wanted;
    }

    private ReadyDetector? Build(HashSet<Language> languages, LanguageOptions o)
    {
        var started = Environment.TickCount64;
        var builder = LanguageDetectorBuilder.FromLanguages([.. languages]).WithPreloadedLanguageModels();
        if (o.LowAccuracy) builder = builder.WithLowAccuracyMode();
        var detector = new ReadyDetector(builder.Build(), o.MaxChars);
        LogBuilt(languages.Count, Environment.TickCount64 - started);
        return detector;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "language detector built for {Languages} languages in {Milliseconds} ms")]
    private partial void LogBuilt(int languages, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "lang:{Code}: the language detector has no model for this language; only articles whose feed declares it match")]
    private partial void LogUndetectable(string code);
}

/// <summary>A built detector: guesses from the first characters of an article's title and text.</summary>
public sealed class ReadyDetector(LanguageDetector detector, int maxChars)
{
    /// <returns>The ISO 639-1 code, or null when the text gives no answer (no letters, say).</returns>
    public string? Detect(string title, string text)
    {
        // Bounded: a stranger's text costs at most maxChars characters of n-gram lookups.
        var sample = title.Length >= maxChars ? title[..maxChars]
            : string.Concat(title, "\n", text.AsSpan(0, Math.Min(text.Length, maxChars - title.Length - 1 < 0 ? 0 : maxChars - title.Length - 1)));
        return DetectableLanguages.CodeFor(detector.DetectLanguageOf(sample));
    }
}
