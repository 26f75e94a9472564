namespace NewsBot.Configuration;

/// <summary>NewsBot:Console — a chat that prints alerts to standard output.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "NewsBot:Console";

    /// <summary>Filters of the console chat; empty means no console chat.</summary>
    public List<string> Filters { get; set; } = [];
}
