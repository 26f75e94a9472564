using Microsoft.Extensions.AI;
using NewsBot.Core.Text;

namespace NewsBot.Core.Summaries;

/// <summary>The request sent to the model and the checks on its reply.</summary>
public static class ModelPrompt
{
    private static readonly string[] ReplyPrefixes = ["summary:", "here is", "here's", "sure,", "sure!", "certainly"];
    private static readonly string[] Refusals = ["i'm sorry", "i am sorry", "i cannot", "i can't", "as an ai", "i'm unable", "i am unable"];

    public static IList<ChatMessage> Messages(string headline, string text, IReadOnlyList<string> matchedTerms, int maxChars, int maxInputChars)
    {
        var body = text.Length > maxInputChars ? SummaryCut.ToLength(text, maxInputChars) : text;
        var system =
            $"You write the text of a news alert read on a phone. Reply with one or two plain sentences, at most {maxChars} characters, " +
            "in the language of the article, saying what happened. Use only facts from the article. No preamble, no markdown, no quotes around the reply.";
        var terms = matchedTerms.Count == 0 ? "" : $"\nThe reader follows: {string.Join(", ", matchedTerms)}.";
        return [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, $"Headline: {headline}{terms}\n\nArticle:\n{body}")];
    }

    /// <summary>The reply as one line without preamble or wrapping quotes; null when it is empty or a refusal.</summary>
    public static string? CleanReply(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply)) return null;
        var text = HtmlToText.NormalizeWhitespace(reply).Replace('\n', ' ').Trim();
        foreach (var prefix in ReplyPrefixes)
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && prefix.EndsWith(':'))
                text = text[prefix.Length..].TrimStart();
        if (Refusals.Any(r => text.StartsWith(r, StringComparison.OrdinalIgnoreCase))) return null;
        if (ReplyPrefixes.Any(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            // "Here is a summary: ..." — keep what follows the colon, or give up on chatter without one.
            var colon = text.IndexOf(':');
            if (colon < 0 || colon > 80) return null;
            text = text[(colon + 1)..].TrimStart();
        }
        text = text.Trim('"', '“', '”', '«', '»').Trim().TrimStart('*', '#', ' ');
        return text.Any(char.IsLetter) ? text : null;
    }
}
