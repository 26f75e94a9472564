namespace NewsBot.Core.Commands;

/// <summary>
/// How replies explain a filter's <c>outlets:N</c> (<see cref="Filters.Filter.MinOutlets"/>), in the
/// same words on every platform: a user should not have to know what a "story" is to read them.
/// </summary>
public static class CoverageWording
{
    /// <summary>The help line's meaning for <c>ceasefire outlets:3</c>.</summary>
    public const string HelpExample = "only when 3 different outlets report the same story; the alert names them all";

    /// <summary>The sentence /add adds under a filter with <c>outlets:N</c>; empty without one.</summary>
    public static string Rule(int minOutlets) => minOutlets <= 1 ? ""
        : $"It alerts only when {minOutlets} different outlets (news sites) report the same story, and the alert then names them all.";

    /// <summary>What /test adds after "matches (…)" for a filter with <c>outlets:N</c>; empty without one.</summary>
    public static string TestNote(int minOutlets) => minOutlets <= 1 ? ""
        : $"; it alerts once {minOutlets} different outlets report this story, naming them all";
}
