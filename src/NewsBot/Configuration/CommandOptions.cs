using Microsoft.Extensions.Options;

namespace NewsBot.Configuration;

/// <summary>
/// NewsBot:Commands — what one chat or one user may cost: how many chats' commands run at once,
/// how fast a user may send commands, how many filters a user may own, and how far the /add
/// preview looks back.
/// </summary>
public sealed class CommandOptions
{
    public const string Section = "NewsBot:Commands";

    /// <summary>Chats whose commands run at the same time (all platforms together); more wait their turn.</summary>
    public int MaxConcurrentChats { get; set; } = 4;

    /// <summary>
    /// Commands one chat may have waiting or running; beyond that Telegram is asked to send them again
    /// later. At least 100, one getUpdates batch, so polling never has to refuse.
    /// </summary>
    public int MaxWaitingPerChat { get; set; } = 100;

    /// <summary>Commands a user may send per minute (bursts up to the same number); then one "too fast" reply.</summary>
    public int PerUserPerMinute { get; set; } = 20;

    /// <summary>Filters one user may have added across all their chats, groups and channels.</summary>
    public int MaxFiltersPerUser { get; set; } = 200;

    /// <summary>Filters one chat may have.</summary>
    public int MaxFiltersPerChat { get; set; } = 50;

    /// <summary>Personal filters (/follow) one member may keep in one group or channel.</summary>
    public int MaxFollowsPerMember { get; set; } = 10;

    /// <summary>Personal filters all members together may keep in one group or channel.</summary>
    public int MaxFollowsPerChat { get; set; } = 5000;

    /// <summary>The /add preview looks at no more than this many of the most recent articles.</summary>
    public int PreviewMaxArticles { get; set; } = 1000;

    /// <summary>…and stops after this much time, saying how far it got.</summary>
    public TimeSpan PreviewTimeBudget { get; set; } = TimeSpan.FromSeconds(2);
}

internal sealed class CommandOptionsValidator : IValidateOptions<CommandOptions>
{
    public ValidateOptionsResult Validate(string? name, CommandOptions o)
    {
        const string s = CommandOptions.Section;
        var errors = new List<string>();
        if (o.MaxConcurrentChats < 1) errors.Add($"{s}:MaxConcurrentChats must be at least 1 (got {o.MaxConcurrentChats})");
        if (o.MaxWaitingPerChat < 100) errors.Add($"{s}:MaxWaitingPerChat must be at least 100, one Telegram getUpdates batch (got {o.MaxWaitingPerChat})");
        if (o.PerUserPerMinute < 1) errors.Add($"{s}:PerUserPerMinute must be at least 1 (got {o.PerUserPerMinute})");
        if (o.MaxFiltersPerUser < 1) errors.Add($"{s}:MaxFiltersPerUser must be at least 1 (got {o.MaxFiltersPerUser})");
        if (o.MaxFiltersPerChat < 1) errors.Add($"{s}:MaxFiltersPerChat must be at least 1 (got {o.MaxFiltersPerChat})");
        if (o.MaxFollowsPerMember < 1) errors.Add($"{s}:MaxFollowsPerMember must be at least 1 (got {o.MaxFollowsPerMember})");
        if (o.MaxFollowsPerChat < 1) errors.Add($"{s}:MaxFollowsPerChat must be at least 1 (got {o.MaxFollowsPerChat})");
        if (o.PreviewMaxArticles < 0) errors.Add($"{s}:PreviewMaxArticles must not be negative (got {o.PreviewMaxArticles})");
        if (o.PreviewTimeBudget < TimeSpan.Zero || o.PreviewTimeBudget > TimeSpan.FromMinutes(1))
            errors.Add($"{s}:PreviewTimeBudget must be between 00:00:00 and 00:01:00 (got {o.PreviewTimeBudget})");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
