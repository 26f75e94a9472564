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
        if (o.PollBudget < TimeSpan.FromSeconds(1) || o.PollBudget > TimeSpan.FromMinutes(10))
            errors.Add($"{s}:PollBudget must be between 00:00:01 and 00:10:00 (got {o.PollBudget})");
        if (o.MaxArticleAge < TimeSpan.FromHours(1) || o.MaxArticleAge > TimeSpan.FromDays(3650))
            errors.Add($"{s}:MaxArticleAge must be between 01:00:00 and 3650.00:00:00 (got {o.MaxArticleAge})");
        if (o.MaxPageBytes < 1024)
            errors.Add($"{s}:MaxPageBytes must be at least 1024 (got {o.MaxPageBytes})");
        if (o.PageBudget < TimeSpan.FromMilliseconds(100) || o.PageBudget > TimeSpan.FromMinutes(1))
            errors.Add($"{s}:PageBudget must be between 00:00:00.1 and 00:01:00 (got {o.PageBudget})");
        if (o.MaxConcurrentPerHost < 1)
            errors.Add($"{s}:MaxConcurrentPerHost must be at least 1 (got {o.MaxConcurrentPerHost})");
        if (o.MaxConcurrentPolls < 1)
            errors.Add($"{s}:MaxConcurrentPolls must be at least 1 (got {o.MaxConcurrentPolls})");
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

internal sealed class SummariesOptionsValidator : IValidateOptions<SummariesOptions>
{
    public ValidateOptionsResult Validate(string? name, SummariesOptions o)
    {
        var errors = new List<string>();
        const string s = SummariesOptions.Section;
        if (o.MaxLength is < 40 or > 4000) errors.Add($"{s}:MaxLength must be between 40 and 4000 (got {o.MaxLength})");
        var m = o.Model;
        if (!string.IsNullOrWhiteSpace(m.Endpoint) && !Uri.TryCreate(m.Endpoint, UriKind.Absolute, out _))
            errors.Add($"{s}:Model:Endpoint must be an absolute URL, e.g. http://localhost:11434/v1");
        if (!string.IsNullOrWhiteSpace(m.Endpoint) && string.IsNullOrWhiteSpace(m.ModelId))
            errors.Add($"{s}:Model:ModelId is required when {s}:Model:Endpoint is set");
        if (o.EnrichWithin < TimeSpan.FromSeconds(1) || o.EnrichWithin > TimeSpan.FromMinutes(10))
            errors.Add($"{s}:EnrichWithin must be between 00:00:01 and 00:10:00 (got {o.EnrichWithin})");
        if (m.Timeout <= TimeSpan.Zero) errors.Add($"{s}:Model:Timeout must be positive");
        if (m.RequestsPerMinute < 1) errors.Add($"{s}:Model:RequestsPerMinute must be at least 1");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
