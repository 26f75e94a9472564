using Microsoft.Extensions.Options;
using NewsBot.Console;

namespace NewsBot.Configuration;

/// <summary>
/// NewsBot:Console — a chat that prints alerts to standard output, and its delivery rules. Nobody can
/// type /limit, /digest, /quiet or /timezone into it, so these keys are its settings (read at each start).
/// </summary>
public sealed class ConsoleOptions
{
    public const string Section = "NewsBot:Console";

    /// <summary>Filters of the console chat; empty means no console chat.</summary>
    public List<string> Filters { get; set; } = [];

    /// <summary>
    /// Alerts per rolling hour, 1 to 1000; the rest are printed as one "N more alerts" digest. Unset:
    /// 1000, the most any chat may have — not NewsBot:Delivery:DefaultHourlyLimit, which protects people's
    /// phones from a flood; a terminal nobody can type /limit into should not hold alerts back for an hour.
    /// </summary>
    public int? HourlyLimit { get; set; }

    /// <summary>As /digest takes it: off (default), hourly, or daily with times such as "daily 08:00,18:00".</summary>
    public string? Digest { get; set; }

    /// <summary>As /quiet takes it: off (default) or a period such as "22:00-07:00"; held alerts are printed as one digest when it ends.</summary>
    public string? Quiet { get; set; }

    /// <summary>The zone of <see cref="Digest"/> times and <see cref="Quiet"/> hours, e.g. Europe/Berlin. Default UTC.</summary>
    public string? TimeZone { get; set; }
}

internal sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions o)
    {
        var errors = new List<string>();
        ConsoleDeliveryRules.Read(o, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
