namespace NewsBot.Core.Filters;

/// <summary>Either a parsed filter or one message that says what is wrong and where.</summary>
public abstract record FilterParseResult
{
    public sealed record Success(Filter Filter) : FilterParseResult;

    /// <param name="Message">Ready to show a user, e.g. "unclosed quote at column 12".</param>
    /// <param name="Column">1-based column of the problem.</param>
    public sealed record Error(string Message, int Column) : FilterParseResult;
}
