namespace NewsBot.Core.Stories;

/// <summary>
/// Words wires use interchangeably for the same thing ("truce" and "ceasefire", "quake" and
/// "earthquake"), mapped to one form after stemming so rewordings still share it.
/// </summary>
internal static class StorySynonyms
{
    private static readonly Dictionary<string, string> Canonical_ = new(StringComparer.Ordinal)
    {
        ["truce"] = "ceasefir", ["trūce"] = "ceasefir", ["armistic"] = "ceasefir",
        ["earthquak"] = "quak", ["tremor"] = "quak", ["temblor"] = "quak",
        ["negotiation"] = "talk",
        ["blaze"] = "fire", ["blaz"] = "fire", ["wildfir"] = "fire",
        ["dead"] = "kill", ["die"] = "kill", ["death"] = "kill", ["dies"] = "kill",
        ["plane"] = "aircraft", ["jet"] = "aircraft", ["airliner"] = "aircraft", ["jetliner"] = "aircraft", ["aeroplane"] = "aircraft",
        ["poll"] = "election", ["vote"] = "election",
        ["federal"] = "fed", ["reserve"] = "fed",
        ["lower"] = "cut", ["reduc"] = "cut", ["reduction"] = "cut",
        ["curb"] = "restriction",
        ["keep"] = "hold", ["kept"] = "hold", ["steady"] = "hold", ["unchang"] = "hold", ["leav"] = "hold",
        ["ukrainian"] = "ukrain", ["russian"] = "russia", ["israeli"] = "israel", ["greek"] = "greece", ["japanese"] = "japan",
        ["sudanes"] = "sudan", ["turkish"] = "turkey", ["turkiye"] = "turkey", ["chines"] = "china", ["palestinian"] = "palestin",
    };

    public static string Canonical(string stem) => Canonical_.TryGetValue(stem, out var canonical) ? canonical : stem;
}
