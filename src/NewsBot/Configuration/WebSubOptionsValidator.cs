using Microsoft.Extensions.Options;

namespace NewsBot.Configuration;

internal sealed class WebSubOptionsValidator : IValidateOptions<WebSubOptions>
{
    public ValidateOptionsResult Validate(string? name, WebSubOptions o)
    {
        var errors = new List<string>();
        const string s = WebSubOptions.Section;
        if (o.CallbackBaseUrl is { } url)
        {
            if (!url.IsAbsoluteUri || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
                errors.Add($"{s}:CallbackBaseUrl must be an absolute URL without query or fragment, was '{url}'");
            else if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
                errors.Add($"{s}:CallbackBaseUrl must be https (http only for a loopback host), was '{url}'");
        }
        if (o.LeaseSeconds is < 60 or > 365 * 24 * 3600)
            errors.Add($"{s}:LeaseSeconds must be between 60 and {365 * 24 * 3600}, was {o.LeaseSeconds}");
        if (o.SafetyPollInterval < TimeSpan.FromSeconds(1))
            errors.Add($"{s}:SafetyPollInterval must be at least 00:00:01, was {o.SafetyPollInterval}");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
