using System.Collections.Frozen;

namespace NewsBot.Core.Text;

/// <summary>
/// ISO 639-1 language codes: what <c>lang:</c> filters name and what articles store
/// (<c>Article.Language</c>). Two readings: <see cref="Resolve"/> for what a user types (a code or
/// an English name, strict), <see cref="FromTag"/> for what a feed or page declares (a BCP 47 tag
/// such as "en-US" or "EN_gb", lenient but never guessing).
/// </summary>
public static class LanguageCodes
{
    // ISO 639-1 (the Library of Congress registry), with one English name each.
    private const string Table =
        "aa Afar|ab Abkhazian|ae Avestan|af Afrikaans|ak Akan|am Amharic|an Aragonese|ar Arabic|as Assamese|av Avaric|ay Aymara|az Azerbaijani|"
        + "ba Bashkir|be Belarusian|bg Bulgarian|bi Bislama|bm Bambara|bn Bengali|bo Tibetan|br Breton|bs Bosnian|ca Catalan|ce Chechen|ch Chamorro|"
        + "co Corsican|cr Cree|cs Czech|cu Church Slavic|cv Chuvash|cy Welsh|da Danish|de German|dv Divehi|dz Dzongkha|ee Ewe|el Greek|en English|"
        + "eo Esperanto|es Spanish|et Estonian|eu Basque|fa Persian|ff Fulah|fi Finnish|fj Fijian|fo Faroese|fr French|fy Western Frisian|ga Irish|"
        + "gd Scottish Gaelic|gl Galician|gn Guarani|gu Gujarati|gv Manx|ha Hausa|he Hebrew|hi Hindi|ho Hiri Motu|hr Croatian|ht Haitian|hu Hungarian|"
        + "hy Armenian|hz Herero|ia Interlingua|id Indonesian|ie Interlingue|ig Igbo|ii Sichuan Yi|ik Inupiaq|io Ido|is Icelandic|it Italian|"
        + "iu Inuktitut|ja Japanese|jv Javanese|ka Georgian|kg Kongo|ki Kikuyu|kj Kuanyama|kk Kazakh|kl Kalaallisut|km Khmer|kn Kannada|ko Korean|"
        + "kr Kanuri|ks Kashmiri|ku Kurdish|kv Komi|kw Cornish|ky Kyrgyz|la Latin|lb Luxembourgish|lg Ganda|li Limburgish|ln Lingala|lo Lao|"
        + "lt Lithuanian|lu Luba-Katanga|lv Latvian|mg Malagasy|mh Marshallese|mi Maori|mk Macedonian|ml Malayalam|mn Mongolian|mr Marathi|ms Malay|"
        + "mt Maltese|my Burmese|na Nauru|nb Norwegian Bokmal|nd North Ndebele|ne Nepali|ng Ndonga|nl Dutch|nn Norwegian Nynorsk|no Norwegian|"
        + "nr South Ndebele|nv Navajo|ny Chichewa|oc Occitan|oj Ojibwa|om Oromo|or Oriya|os Ossetian|pa Punjabi|pi Pali|pl Polish|ps Pashto|"
        + "pt Portuguese|qu Quechua|rm Romansh|rn Rundi|ro Romanian|ru Russian|rw Kinyarwanda|sa Sanskrit|sc Sardinian|sd Sindhi|se Northern Sami|"
        + "sg Sango|si Sinhala|sk Slovak|sl Slovenian|sm Samoan|sn Shona|so Somali|sq Albanian|sr Serbian|ss Swati|st Southern Sotho|su Sundanese|"
        + "sv Swedish|sw Swahili|ta Tamil|te Telugu|tg Tajik|th Thai|ti Tigrinya|tk Turkmen|tl Tagalog|tn Tswana|to Tonga|tr Turkish|ts Tsonga|"
        + "tt Tatar|tw Twi|ty Tahitian|ug Uyghur|uk Ukrainian|ur Urdu|uz Uzbek|ve Venda|vi Vietnamese|vo Volapuk|wa Walloon|wo Wolof|xh Xhosa|"
        + "yi Yiddish|yo Yoruba|za Zhuang|zh Chinese|zu Zulu";

    /// <summary>Longest tag <see cref="FromTag"/> reads (BCP 47 tags in the wild are far shorter); longer text is not a tag.</summary>
    public const int MaxTagLength = 35;

    private static readonly FrozenDictionary<string, string> NamesByCode =
        Table.Split('|').ToFrozenDictionary(e => e[..2], e => e[3..], StringComparer.Ordinal);

    // Names folded to lower-case letters only ("norwegianbokmal"), plus codes withdrawn from
    // ISO 639-1 and three-letter ISO 639-2 codes feeds still declare.
    private static readonly FrozenDictionary<string, string> ByName = NamesByCode
        .Select(e => KeyValuePair.Create(Letters(e.Value), e.Key))
        .Concat([KeyValuePair.Create("farsi", "fa"), KeyValuePair.Create("iw", "he"), KeyValuePair.Create("in", "id"),
            KeyValuePair.Create("ji", "yi"), KeyValuePair.Create("jw", "jv"), KeyValuePair.Create("mo", "ro")])
        .ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ByIso639_2 = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["eng"] = "en", ["ara"] = "ar", ["fra"] = "fr", ["fre"] = "fr", ["deu"] = "de", ["ger"] = "de", ["spa"] = "es", ["por"] = "pt",
        ["rus"] = "ru", ["ukr"] = "uk", ["zho"] = "zh", ["chi"] = "zh", ["jpn"] = "ja", ["kor"] = "ko", ["fas"] = "fa", ["per"] = "fa",
        ["urd"] = "ur", ["heb"] = "he", ["tur"] = "tr", ["ita"] = "it", ["nld"] = "nl", ["dut"] = "nl", ["hin"] = "hi", ["pol"] = "pl",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The English name of a code ("ar" → "Arabic"), or null when it is not an ISO 639-1 code.</summary>
    public static string? NameOf(string code) => NamesByCode.GetValueOrDefault(code);

    /// <summary>Every ISO 639-1 code.</summary>
    public static IEnumerable<string> All => NamesByCode.Keys;

    /// <summary>
    /// What a user typed after <c>lang:</c>: a two-letter code in any case ("AR") or an English
    /// name ("arabic", "Persian", "farsi"); null when it is neither.
    /// </summary>
    public static string? Resolve(string typed)
    {
        if (string.IsNullOrEmpty(typed) || typed.Length > 40) return null;
        var folded = Letters(typed);
        if (folded.Length != typed.Length && !typed.All(c => char.IsAsciiLetter(c) || c is ' ' or '-' or '_')) return null;
        if (folded.Length == 2 && NamesByCode.ContainsKey(folded)) return folded;
        return ByName.GetValueOrDefault(folded);
    }

    /// <summary>
    /// A declared language ("en-US", "EN_gb", "ar-SY", "eng", "English") as its ISO 639-1 code; null for
    /// anything else, including "x-default", "mul", "und" and text longer than <see cref="MaxTagLength"/>.
    /// Reads the primary subtag only, one pass, no pattern matching.
    /// </summary>
    public static string? FromTag(string? tag)
    {
        if (tag is null) return null;
        var span = tag.AsSpan().Trim();
        if (span.Length is 0 or > MaxTagLength) return null;
        var end = span.IndexOfAny('-', '_');
        var primary = end < 0 ? span : span[..end];
        if (primary.Length is < 2 or > 20) return null;
        foreach (var c in primary)
            if (!char.IsAsciiLetter(c)) return null;
        var lower = primary.ToString().ToLowerInvariant();
        if (lower.Length == 2) return NamesByCode.ContainsKey(lower) ? lower : ByName.GetValueOrDefault(lower);
        if (lower.Length == 3) return ByIso639_2.GetValueOrDefault(lower);
        return end < 0 ? ByName.GetValueOrDefault(lower) : null;
    }

    private static string Letters(string text) =>
        string.Concat(text.Where(char.IsAsciiLetter)).ToLowerInvariant();
}
