using Microsoft.Extensions.Options;
using NewsBot.Core.Text;

namespace NewsBot.Pipeline.Ingest;

/// <summary>
/// NewsBot:Languages: how an article's language is found when neither its item nor its feed declares
/// one (then <c>lang:</c> filters need a guess). Detection runs only while some filter uses <c>lang:</c>,
/// and only over the languages in use plus <see cref="AlsoConsider"/>.
/// </summary>
public sealed class LanguageOptions
{
    public const string Section = "NewsBot:Languages";

    /// <summary>Detect the language of articles that declare none. Default true; false leaves them unknown (no <c>lang:X</c> matches them, every <c>-lang:X</c> does).</summary>
    public bool Detect { get; set; } = true;

    /// <summary>
    /// ISO 639-1 codes the detector always weighs besides the languages filters name: with only
    /// {ar} to choose from, Persian or French text would be called Arabic. The default covers the
    /// frequent news languages and the look-alikes of each (ar/fa/ur, es/pt, ru/uk). Unset: the default
    /// (null here because configuration binding appends to an array it finds filled).
    /// </summary>
    public string[]? AlsoConsider { get; set; }

    /// <summary><see cref="AlsoConsider"/> as ISO 639-1 codes ("Arabic", "AR": ar), or the default when unset.</summary>
    public IReadOnlyList<string> Considered =>
        AlsoConsider is { Length: > 0 } set ? set.Select(c => LanguageCodes.Resolve(c) ?? c).ToArray() : DefaultAlsoConsider;

    /// <summary>The default of <see cref="AlsoConsider"/>.</summary>
    public static readonly IReadOnlyList<string> DefaultAlsoConsider =
        ["en", "ar", "fa", "ur", "fr", "es", "pt", "de", "it", "ru", "uk", "tr", "zh", "ja", "ko", "hi", "he", "id"];

    /// <summary>
    /// Characters of title + text read for detection (a stranger's text: the cost is linear in it).
    /// Default 300: headline + lead was as often right at 300 as at 1,000 characters (97–100% for each
    /// default language), at a quarter of the CPU (bench/NewsBot.LanguageBench: 789 vs 197 detections/s
    /// in low-accuracy mode with the 18 default languages, on a shared 2-core VM).
    /// </summary>
    public int MaxChars { get; set; } = 300;

    /// <summary>
    /// Lingua's low-accuracy mode (trigrams only). Default true: measured on Lingua's public test text
    /// (bench/NewsBot.LanguageBench), the default 18 languages take 23 MB of heap instead of 510 MB and
    /// build in 2.5 s instead of 22 s, with headline + lead still 97–100% right in every one of them;
    /// headlines alone lose 1–5 points (Portuguese 95% → 91%, Persian 99% → 95%).
    /// </summary>
    public bool LowAccuracy { get; set; } = true;
}

internal sealed class LanguageOptionsValidator : IValidateOptions<LanguageOptions>
{
    public ValidateOptionsResult Validate(string? name, LanguageOptions o)
    {
        if (o.MaxChars is < 20 or > 100_000)
            return ValidateOptionsResult.Fail($"{LanguageOptions.Section}:MaxChars must be between 20 and 100000 (got {o.MaxChars})");
        var unknown = o.Considered.Where(c => !DetectableLanguages.Supports(c)).ToList();
        return unknown.Count == 0 ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{LanguageOptions.Section}:AlsoConsider: '{string.Join("', '", unknown)}' is not an ISO 639-1 code the detector knows (e.g. en, ar, fr)");
    }
}
