using Microsoft.Extensions.Options;

namespace NewsBot.Configuration;

// Each failure names the configuration key, so an operator knows exactly what to fix.

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions o) =>
        string.IsNullOrWhiteSpace(o.ConnectionString)
            ? ValidateOptionsResult.Fail($"{DatabaseOptions.Section}:ConnectionString must not be empty")
            : ValidateOptionsResult.Success;
}

internal sealed class SourcesOptionsValidator : IValidateOptions<SourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcesOptions o)
    {
        var errors = new List<string>();
        const string s = SourcesOptions.Section;
        if (o.DefaultPollInterval < TimeSpan.FromSeconds(1))
            errors.Add($"{s}:DefaultPollInterval must be at least 00:00:01 (got {o.DefaultPollInterval})");
        if (o.FetchTimeout <= TimeSpan.Zero)
            errors.Add($"{s}:FetchTimeout must be positive (got {o.FetchTimeout})");
        if (o.MaxBodyBytes < 1024)
            errors.Add($"{s}:MaxBodyBytes must be at least 1024 (got {o.MaxBodyBytes})");
        if (o.MaxConcurrentPerHost < 1)
            errors.Add($"{s}:MaxConcurrentPerHost must be at least 1 (got {o.MaxConcurrentPerHost})");
        for (var i = 0; i < o.Seed.Count; i++)
        {
            var seed = o.Seed[i];
            if (string.IsNullOrWhiteSpace(seed.Url)) errors.Add($"{s}:Seed:{i}:Url must not be empty");
            if (string.IsNullOrWhiteSpace(seed.Name)) errors.Add($"{s}:Seed:{i}:Name must not be empty");
            if (seed.PollInterval is { } p && p < TimeSpan.FromSeconds(1))
                errors.Add($"{s}:Seed:{i}:PollInterval must be at least 00:00:01 (got {p})");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions o)
    {
        var errors = new List<string>();
        // Telegram tokens look like "123456:ABC..."; the message never repeats the token itself.
        if (!string.IsNullOrEmpty(o.BotToken) && !System.Text.RegularExpressions.Regex.IsMatch(o.BotToken, @"^\d{1,16}:[A-Za-z0-9_-]+$"))
            errors.Add($"{TelegramOptions.Section}:BotToken is not a Telegram bot token (expected digits, a colon, then letters)");
        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            errors.Add($"{TelegramOptions.Section}:ApiBaseUrl must be an absolute http(s) URL");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions o)
    {
        var errors = new List<string>();
        const string s = DiscordOptions.Section;
        if (!string.IsNullOrEmpty(o.BotToken) && string.IsNullOrWhiteSpace(o.ApplicationId))
            errors.Add($"{s}:ApplicationId is required when {s}:BotToken is set");
        if (!string.IsNullOrEmpty(o.ApplicationId) && !ulong.TryParse(o.ApplicationId, out _))
            errors.Add($"{s}:ApplicationId must be a Discord snowflake (digits)");
        if (o.AdminUserIds.Any(id => !ulong.TryParse(id, out _)))
            errors.Add($"{s}:AdminUserIds must contain Discord user ids (digits)");
        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            errors.Add($"{s}:ApiBaseUrl must be an absolute http(s) URL");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
