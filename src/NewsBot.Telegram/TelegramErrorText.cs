namespace NewsBot.Telegram;

/// <summary>Turns exceptions into log text that never contains the bot token.</summary>
internal static class TelegramErrorText
{
    public static string Describe(Exception error, string? token)
    {
        var parts = new List<string>();
        for (var e = error; e is not null && parts.Count < 4; e = e.InnerException)
            parts.Add($"{e.GetType().Name}: {e.Message}");
        var text = string.Join(" <- ", parts);
        // Request URLs carry the token (/bot<token>/method); keep it out of logs whatever the source.
        return string.IsNullOrEmpty(token) ? text : text.Replace(token, "<token>", StringComparison.Ordinal);
    }
}
