using System.Collections.Frozen;
using Lingua;

namespace NewsBot.Pipeline.Ingest;

/// <summary>The ISO 639-1 codes Lingua has models for (79 of them), and its language for each.</summary>
public static class DetectableLanguages
{
    private static readonly FrozenDictionary<string, Language> ByCode = LanguageInfo.All()
        .ToFrozenDictionary(l => LanguageInfo.IsoCode6391(l).ToString().ToLowerInvariant(), l => l, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Language, string> CodeOf = ByCode.ToFrozenDictionary(e => e.Value, e => e.Key);

    public static bool Supports(string code) => ByCode.ContainsKey(code);

    public static Language? Of(string code) => ByCode.TryGetValue(code, out var language) ? language : null;

    /// <summary>The ISO 639-1 code of a detected language; null for <see cref="Language.Unknown"/>.</summary>
    public static string? CodeFor(Language language) => CodeOf.GetValueOrDefault(language);
}
