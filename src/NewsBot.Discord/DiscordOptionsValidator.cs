using Microsoft.Extensions.Options;
using NewsBot.Discord.Sending;

namespace NewsBot.Discord;

/// <summary>
/// Checks <c>NewsBot:Discord</c> at start with <see cref="DiscordOptions.Validate"/>'s messages, each naming
/// its key. Discord is off without a bot token, and webhooks alone need no token.
/// </summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions o)
    {
        var problems = string.IsNullOrEmpty(o.BotToken)
            ? o.Validate().Where(p => !p.Contains(":BotToken", StringComparison.Ordinal)).ToList()
            : o.Validate().ToList();
        for (var i = 0; i < o.Webhooks.Count; i++)
            if (WebhookUrl.TryParse(o.Webhooks[i].Url) is null)
                problems.Add($"{DiscordOptions.SectionName}:Webhooks:{i}:Url is not a Discord webhook URL (…/api/webhooks/<id>/<token>)");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
