using Microsoft.Extensions.Options;

namespace NewsBot.Configuration;

/// <summary>NewsBot:Delivery — notices about failing sources to the chats that depend on them and to the admins.</summary>
public sealed class SourceNoticeOptions
{
    public const string Section = "NewsBot:Delivery";

    /// <summary>A source failing for longer than this gets one notice (and one when it works again).</summary>
    public TimeSpan SourceFailingNoticeAfter { get; set; } = TimeSpan.FromHours(24);
}

internal sealed class SourceNoticeOptionsValidator : IValidateOptions<SourceNoticeOptions>
{
    public ValidateOptionsResult Validate(string? name, SourceNoticeOptions o) =>
        o.SourceFailingNoticeAfter < TimeSpan.FromMinutes(1)
            ? ValidateOptionsResult.Fail($"{SourceNoticeOptions.Section}:SourceFailingNoticeAfter must be at least 00:01:00 (got {o.SourceFailingNoticeAfter})")
            : ValidateOptionsResult.Success;
}
