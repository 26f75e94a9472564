namespace NewsBot.Core.Commands;

/// <summary>The /start and /help text: what NewsBot does, the commands, and the filter language by example.</summary>
public static class HelpText
{
    private static readonly (string Filter, string Meaning)[] FilterExamples =
    [
        ("ceasefire", "the word, any case, with plurals (ceasefires, cease-fire)"),
        ("\"two-state solution\"", "an exact phrase"),
        ("ceasefire gaza", "both words"),
        ("(ceasefire OR truce) gaza", "either word, plus gaza"),
        ("ceasefire -football", "leave out articles mentioning football"),
        ("title:election source:reuters", "in the headline, from Reuters only"),
        ("negotiat*", "any word starting with negotiat"),
        ("/cease-?fire/", "a regular expression"),
        ("ceasefire outlets:3", CoverageWording.HelpExample),
    ];

    public static ReplyText For(CommandContext ctx)
    {
        var text = ReplyText.Of($"NewsBot sends you news headlines that match your filters, as they are published.\n\nCommands:\n");
        foreach (var command in CommandCatalog.All.Where(c => !c.AdminOnly || ctx.IsBotAdmin))
            text += ReplyText.Of($"{ReplyText.UsageOf(command.Name)} - {command.Description}\n");
        text += ReplyText.Plain("\nFilters are written like a search:\n");
        foreach (var (filter, meaning) in FilterExamples)
            text += ReplyText.Of($"{CommandMention.Of("add", filter)} - {meaning}\n");
        text += ReplyText.Of($"Try a filter first with {CommandMention.Of("test", "<some headline>")}.");
        if (ctx.IsBotAdmin)
        {
            text += ReplyText.Of($"\n\nSources: {CommandMention.Of("addsource", "bbc.co.uk/news")} finds the site's feed and says which it chose. ");
            text += ReplyText.Of($"A page without a feed: {CommandMention.Of("addsource", "page", "https://example.com/news", "links:\"h2 a\"")} ");
            text += ReplyText.Plain("follows the links the CSS selector picks as its news (without links: NewsBot looks for the page's main list of article links).");
        }
        if (ctx.IsGroup)
            text += ReplyText.Of($"\n\nIn this group only its administrators can change the filters; anyone can {CommandMention.Of("follow", "<filter>")} for alerts of their own.");
        return text;
    }
}
