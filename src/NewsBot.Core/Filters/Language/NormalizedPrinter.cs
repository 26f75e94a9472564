using System.Text;

namespace NewsBot.Core.Filters.Language;

/// <summary>Writes a parsed filter back the way NewsBot understands it: folded words, explicit structure.</summary>
public static class NormalizedPrinter
{
    public static string Print(FilterNode node)
    {
        var text = new StringBuilder();
        Write(text, node);
        return text.ToString();
    }

    private static void Write(StringBuilder text, FilterNode node)
    {
        switch (node)
        {
            case TermNode term:
                if (term.TitleOnly) text.Append("title:");
                text.Append(term.Display);
                break;
            case SourceNode source:
                text.Append("source:").Append(source.Value.Any(c => char.IsWhiteSpace(c) || c is '(' or ')') ? "\"" + source.Value + "\"" : source.Value);
                break;
            case NotNode not:
                text.Append('-');
                WriteGrouped(text, not.Child, not.Child is AndNode or OrNode);
                break;
            case AndNode and:
                for (var i = 0; i < and.Children.Count; i++)
                {
                    if (i > 0) text.Append(' ');
                    WriteGrouped(text, and.Children[i], and.Children[i] is OrNode);
                }
                break;
            case OrNode or:
                for (var i = 0; i < or.Children.Count; i++)
                {
                    if (i > 0) text.Append(" OR ");
                    Write(text, or.Children[i]);
                }
                break;
        }
    }

    private static void WriteGrouped(StringBuilder text, FilterNode node, bool parenthesize)
    {
        if (parenthesize) text.Append('(');
        Write(text, node);
        if (parenthesize) text.Append(')');
    }
}
