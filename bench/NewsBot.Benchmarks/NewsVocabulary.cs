namespace NewsBot.Benchmarks;

/// <summary>
/// Words for generated filters and articles. Filler words make up most of an article and are never
/// filter keys; topic words are what people subscribe to and appear a few times per article;
/// names (generated, with a long tail) stand for the people, companies and places most filters watch.
/// </summary>
internal static class NewsVocabulary
{
    public static readonly string[] Filler = Split("""
        the of and to in a said on for that is was with by as at from his her it has have be are not an this which
        but were they who their had been will after also would one two three more its year years last first over
        government people about than into out up there officials told week percent could other some when while
        where during before under since many most such between against including because them what all only time
        day monday tuesday wednesday friday month statement minister president country city state report according
        agency spokesman added may can did just still however both later early former national local public group
        part says made make take took expected plan meeting members house office support move called second area
        major high long end left right back around next several million billion head held set early late main
        """);

    public static readonly string[] Topics = Split("""
        ceasefire truce election elections inflation recession earthquake tsunami hurricane wildfire flood drought
        sanctions tariff tariffs strike protest protests referendum coup impeachment indictment verdict lawsuit
        merger acquisition bankruptcy layoffs ipo dividend earnings bitcoin ethereum stablecoin blockchain
        vaccine pandemic outbreak measles cholera ebola malaria heatwave blizzard typhoon cyclone eruption volcano
        missile drone airstrike invasion hostage hostages refugees migrants asylum deportation border smuggling
        cyberattack ransomware hackers outage recall shortage embargo blockade pipeline refinery opec uranium
        enrichment reactor nuclear satellite rocket launch spacecraft asteroid telescope climate emissions carbon
        renewable solar turbine battery lithium semiconductor chips antitrust monopoly regulator privacy leak
        whistleblower espionage treason extradition pardon parole cartel trafficking kidnapping shooting stabbing
        explosion derailment collision crash famine drought harvest wheat grain fertilizer olympics worldcup
        championship transfer doping resignation reshuffle coalition parliament senate congress budget deficit
        shutdown stimulus bailout interest mortgage housing rent unemployment wages pension strikebreakers union
        negotiations negotiator summit treaty accord annexation occupation settlement settlers militia insurgents
        rebels junta curfew martial evacuation quarantine landslide avalanche sinkhole heat smog pollution oil gas
        """);

    private static readonly string[] Syllables = Split("""
        ka ro mi ta vel sun dor an tiq bre lo ven zar mo quin el ras tor bi sha nek ul fa gor dim pra se yol hu
        """);

    /// <summary>50,000 made-up names with 2 to 4 syllables.</summary>
    public static string[] Names(Random random, int count)
    {
        var names = new HashSet<string>();
        while (names.Count < count)
        {
            var parts = random.Next(2, 5);
            var name = string.Concat(Enumerable.Range(0, parts).Select(_ => Syllables[random.Next(Syllables.Length)]));
            if (name.Length >= 5) names.Add(char.ToUpperInvariant(name[0]) + name[1..]);
        }
        return names.ToArray();
    }

    private static string[] Split(string words) =>
        words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
}
