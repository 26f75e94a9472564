namespace NewsBot.Telegram.Rendering;

/// <summary>One alert ready to send: HTML parse-mode text, and plain text for when Telegram cannot parse the HTML.</summary>
public sealed record RenderedAlert(string Html, string PlainText);
