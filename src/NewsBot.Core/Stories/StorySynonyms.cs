namespace NewsBot.Core.Stories;

/// <summary>
/// Words wires use interchangeably for the same thing ("truce" and "ceasefire", "quake" and
/// "earthquake"), mapped to one stem so rewordings still share it. Keys are whole words (looked up
/// before stemming, so "plane" does not become "plan") or stems; values are stems.
/// </summary>
internal static class StorySynonyms
{
    private static readonly Dictionary<string, string> Stems = new(StringComparer.Ordinal)
    {
        ["truce"] = "ceasefir", ["truces"] = "ceasefir", ["armistice"] = "ceasefir",
        ["earthquak"] = "quak", ["tremor"] = "quak", ["temblor"] = "quak",
        ["negotiation"] = "talk",
        ["blaze"] = "fire", ["blaz"] = "fire", ["wildfir"] = "fire",
        ["dead"] = "kill", ["die"] = "kill", ["death"] = "kill", ["dies"] = "kill",
        ["plane"] = "aircraft", ["planes"] = "aircraft", ["jet"] = "aircraft", ["airliner"] = "aircraft", ["jetliner"] = "aircraft", ["aeroplane"] = "aircraft",
        ["poll"] = "election", ["vote"] = "election",
        ["federal"] = "fed", ["reserve"] = "fed",
        ["lower"] = "cut", ["reduc"] = "cut", ["reduction"] = "cut",
        ["curb"] = "restriction",
        ["keep"] = "hold", ["kept"] = "hold", ["steady"] = "hold", ["unchang"] = "hold", ["leav"] = "hold",
        ["ukrainian"] = "ukrain", ["russian"] = "russia", ["israeli"] = "israel", ["greek"] = "greec", ["japanese"] = "japan",
        ["sudanes"] = "sudan", ["turkish"] = "turkey", ["turkiye"] = "turkey", ["chines"] = "china", ["palestinian"] = "palestin",
    };

    public static bool TryCanonical(string wordOrStem, out string canonical) => Stems.TryGetValue(wordOrStem, out canonical!);
}
