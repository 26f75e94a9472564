using System.Globalization;
using System.Text;

namespace NewsBot.Sources.Parsing.Dates;

/// <summary>
/// Month and weekday names, full and abbreviated, in the languages news feeds are commonly written
/// in besides English: pt, es, fr, de, it, nl, ru, tr, pl, id/ms, sv/da/no, ar. A table looked up
/// word by word (never a pattern): names are compared case-insensitively, without diacritics
/// ("Março" = "marco", "févr." = "fevr", "Şub" = "sub", "أبريل" = "ابريل") and without a trailing dot.
/// Names shared by a month and a weekday ("mar": March, and martes/mardi/martedì) are resolved by
/// <see cref="FeedDate"/> from their place in the date.
/// </summary>
internal static class LocalizedDateNames
{
    private static readonly string[][] MonthNames =
    [
        // One row per month: pt, es, fr, de, it, nl, ru (nominative, genitive, abbreviations), tr, pl (nominative, genitive), id/ms, sv/da/no, ar (Egypt/Gulf, Levant, Maghreb).
        ["janeiro", "enero", "ene", "janvier", "janv", "januar", "gennaio", "gen", "januari", "январь", "января", "янв", "ocak", "oca", "styczeń", "stycznia", "sty", "جانفي", "يناير", "كانون الثاني"],
        ["fevereiro", "fev", "febrero", "février", "févr", "fevr", "februar", "febbraio", "februari", "февраль", "февраля", "фев", "февр", "şubat", "şub", "luty", "lutego", "lut", "pebruari", "فبراير", "شباط", "فيفري"],
        ["março", "marzo", "mars", "märz", "mär", "mrz", "maerz", "maart", "mrt", "март", "марта", "мар", "mart", "marzec", "marca", "maret", "mac", "marts", "مارس", "آذار"],
        ["abril", "abr", "avril", "avr", "aprile", "апрель", "апреля", "апр", "nisan", "nis", "kwiecień", "kwietnia", "kwi", "أبريل", "ابريل", "نيسان", "أفريل"],
        ["maio", "mai", "mayo", "mai", "maggio", "mag", "mei", "май", "мая", "mayıs", "maj", "maja", "mei", "mayo", "مايو", "أيار", "ماي"],
        ["junho", "junio", "juin", "juni", "giugno", "giu", "июнь", "июня", "июн", "haziran", "haz", "czerwiec", "czerwca", "cze", "jun", "يونيو", "حزيران", "جوان"],
        ["julho", "julio", "juillet", "juil", "juli", "luglio", "lug", "июль", "июля", "июл", "temmuz", "tem", "lipiec", "lipca", "lip", "julai", "يوليو", "تموز", "جويلية"],
        ["agosto", "ago", "août", "aout", "augustus", "augusti", "август", "августа", "авг", "ağustos", "ağu", "sierpień", "sierpnia", "sie", "agustus", "agu", "agt", "ogos", "ogo", "أغسطس", "آب", "أوت"],
        ["setembro", "set", "septiembre", "setiembre", "septembre", "settembre", "сентябрь", "сентября", "сен", "сент", "eylül", "eyl", "wrzesień", "września", "wrz", "سبتمبر", "أيلول"],
        ["outubro", "out", "octubre", "octobre", "oktober", "okt", "ottobre", "ott", "октябрь", "октября", "окт", "ekim", "eki", "październik", "października", "paź", "أكتوبر", "تشرين الأول"],
        ["novembro", "noviembre", "novembre", "ноябрь", "ноября", "ноя", "нояб", "kasım", "kas", "listopad", "listopada", "lis", "nopember", "نوفمبر", "تشرين الثاني"],
        ["dezembro", "dez", "diciembre", "dic", "décembre", "déc", "dezember", "dicembre", "desember", "des", "disember", "dis", "декабрь", "декабря", "дек", "aralık", "ara", "grudzień", "grudnia", "gru", "ديسمبر", "كانون الأول"],
    ];

    private static readonly string[] WeekdayNames =
    [
        // pt
        "domingo", "segunda", "terça", "quarta", "quinta", "sexta", "sábado", "feira", "dom", "seg", "ter", "qua", "qui", "sex", "sáb",
        // es
        "lunes", "martes", "miércoles", "jueves", "viernes", "lun", "mar", "mié", "jue", "vie",
        // fr
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "mer", "jeu", "ven", "sam", "dim",
        // de
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
        // it
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "gio", "sab",
        // nl
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "ma", "wo", "vr", "za", "zo",
        // ru
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "пн", "вт", "ср", "чт", "пт", "сб", "вс",
        // tr
        "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar", "pzt", "sal", "çar", "per", "cum", "cmt", "paz",
        // pl
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela", "pon", "wt", "śr", "czw", "pt", "sob", "nie", "ndz",
        // id/ms
        "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "isnin", "khamis", "jumaat", "ahad", "sen", "sel", "rab", "kam", "jum", "min",
        // sv/da/no
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "mandag", "tirsdag", "lørdag", "søndag", "mån", "tis", "ons", "tor", "fre", "lör", "sön", "man", "tir", "lør", "søn",
        // ar
        "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
    ];

    /// <summary>Words that join date parts ("24 de setembro de 2018", "24. März", "24 сентября 2018 г.").</summary>
    private static readonly string[] Connectors = ["de", "del", "di", "du", "le", "la", "el", "der", "den", "am", "um", "às", "em", "en", "et", "y", "e", "г", "года"];

    private static readonly Dictionary<string, int> Months = BuildMonths();
    private static readonly HashSet<string> Weekdays = WeekdayNames.Select(Fold).ToHashSet(StringComparer.Ordinal);
    private static readonly HashSet<string> Joiners = Connectors.Select(Fold).ToHashSet(StringComparer.Ordinal);

    /// <summary>The month (1–12) a localized name or abbreviation stands for.</summary>
    public static int? Month(string word) => Months.TryGetValue(Fold(word), out var month) ? month : null;

    /// <summary>
    /// Arabic names of two words: كانون / تشرين followed by الأول (first) or الثاني (second) — a month
    /// only with its second word.
    /// </summary>
    public static int? Month(string word, string nextWord) => Months.TryGetValue(Fold(word) + " " + Fold(nextWord), out var month) ? month : null;

    public static bool IsWeekday(string word) => Weekdays.Contains(Fold(word));

    public static bool IsConnector(string word) => Joiners.Contains(Fold(word));

    /// <summary>Lower case, diacritics and the Arabic hamza/madda dropped, a trailing dot removed, Turkish dotless ı as i.</summary>
    public static string Fold(string word)
    {
        var decomposed = word.TrimEnd('.').ToLowerInvariant().Replace('ı', 'i').Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c);
        return folded.ToString();
    }

    /// <summary>Decimal digits of any script ("٢٤", "۲۴", "२४") as ASCII, so the numbers can be read; other characters unchanged.</summary>
    public static string AsciiDigits(string text)
    {
        if (!text.Any(c => c > '\u007F' && char.IsDigit(c))) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] > '\u007F' && char.IsDigit(chars[i])) chars[i] = (char)('0' + (int)char.GetNumericValue(chars[i]));
        return new string(chars);
    }

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < MonthNames.Length; m++)
            foreach (var name in MonthNames[m]) months.TryAdd(Fold(name), m + 1);
        return months;
    }
}
