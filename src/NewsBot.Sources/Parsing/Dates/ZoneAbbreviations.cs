namespace NewsBot.Sources.Parsing.Dates;

/// <summary>
/// Fixed offsets for the zone names feeds write after a time. RFC 822 §5 defines UT/GMT and the US
/// zones; the rest are the abbreviations seen in news feeds. Abbreviations are ambiguous by nature
/// (IST is India here, by far the most common in feeds); a fixed table keeps results independent of
/// the machine's time zone database.
/// </summary>
internal static class ZoneAbbreviations
{
    private static readonly Dictionary<string, TimeSpan> Offsets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = H(0), ["UTC"] = H(0), ["GMT"] = H(0), ["Z"] = H(0), ["WET"] = H(0),
        ["EST"] = H(-5), ["EDT"] = H(-4), ["CST"] = H(-6), ["CDT"] = H(-5),
        ["MST"] = H(-7), ["MDT"] = H(-6), ["PST"] = H(-8), ["PDT"] = H(-7),
        ["AKST"] = H(-9), ["AKDT"] = H(-8), ["HST"] = H(-10), ["AST"] = H(-4), ["ADT"] = H(-3),
        ["NST"] = new(-3, -30, 0), ["NDT"] = new(-2, -30, 0), ["BRT"] = H(-3), ["ART"] = H(-3),
        ["BST"] = H(1), ["IST"] = new(5, 30, 0), ["WEST"] = H(1), ["CET"] = H(1), ["CEST"] = H(2),
        ["MET"] = H(1), ["MEST"] = H(2), ["MEZ"] = H(1), ["MESZ"] = H(2),
        ["EET"] = H(2), ["EEST"] = H(3), ["MSK"] = H(3), ["TRT"] = H(3), ["SAST"] = H(2), ["WAT"] = H(1), ["EAT"] = H(3),
        ["GST"] = H(4), ["PKT"] = H(5), ["NPT"] = new(5, 45, 0), ["ICT"] = H(7), ["WIB"] = H(7),
        ["SGT"] = H(8), ["HKT"] = H(8), ["PHT"] = H(8), ["AWST"] = H(8), ["JST"] = H(9), ["KST"] = H(9),
        ["ACST"] = new(9, 30, 0), ["ACDT"] = new(10, 30, 0), ["AEST"] = H(10), ["AEDT"] = H(11),
        ["NZST"] = H(12), ["NZDT"] = H(13),
    };

    public static bool TryGet(string name, out TimeSpan offset)
    {
        if (Offsets.TryGetValue(name, out offset)) return true;
        // RFC 5322 §4.3: the single-letter military zones were defined with the wrong sign in RFC 822,
        // so they "SHOULD all be considered equivalent to -0000".
        if (name.Length == 1 && char.IsAsciiLetter(name[0]) && name[0] is not ('J' or 'j'))
        {
            offset = TimeSpan.Zero;
            return true;
        }
        return false;
    }

    private static TimeSpan H(int hours) => TimeSpan.FromHours(hours);
}
