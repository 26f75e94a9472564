namespace NewsBot.Core.Filters;

/// <summary>Limits that keep one filter cheap to evaluate and easy to read back.</summary>
public sealed record FilterLimits
{
    public int MaxLength { get; init; } = 200;
    public int MaxTerms { get; init; } = 20;
    public int MaxRegexLength { get; init; } = 100;
    public int MaxFiltersPerChat { get; init; } = 50;

    /// <summary>Filters one user may have added across all their chats (a group's filters count for whoever added them).</summary>
    public int MaxFiltersPerUser { get; init; } = 200;

    public static FilterLimits Default { get; } = new();
}
