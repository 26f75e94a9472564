using System.Text;

namespace NewsBot.Core.Commands;

/// <summary>The /start and /help text: what NewsBot does, the commands, and the filter language by example.</summary>
public static class HelpText
{
    public static string For(CommandContext ctx)
    {
        var text = new StringBuilder();
        text.AppendLine("NewsBot sends you news headlines that match your filters, as they are published.");
        text.AppendLine();
        text.AppendLine("Commands:");
        foreach (var command in CommandCatalog.All.Where(c => !c.AdminOnly || ctx.IsBotAdmin))
            text.Append(command.Usage).Append(" - ").AppendLine(command.Description);
        text.AppendLine();
        text.AppendLine("Filters are written like a search:");
        text.AppendLine("/add ceasefire - the word, any case, with plurals (ceasefires, cease-fire)");
        text.AppendLine("/add \"two-state solution\" - an exact phrase");
        text.AppendLine("/add ceasefire gaza - both words");
        text.AppendLine("/add (ceasefire OR truce) gaza - either word, plus gaza");
        text.AppendLine("/add ceasefire -football - leave out articles mentioning football");
        text.AppendLine("/add title:election source:reuters - in the headline, from Reuters only");
        text.AppendLine("/add negotiat* - any word starting with negotiat");
        text.AppendLine("/add /cease-?fire/ - a regular expression");
        text.AppendLine("Try a filter first with /test <some headline>.");
        if (ctx.IsGroup)
        {
            text.AppendLine();
            text.Append("In this group only its administrators can change the filters.");
        }
        return text.ToString().TrimEnd();
    }
}
