namespace NewsBot.Core.Filters.Language;

/// <summary>Stops parsing with one message for the user; <see cref="FilterParser"/> turns it into an error result.</summary>
public sealed class FilterSyntaxException(string problem, int column) : Exception($"{problem} at column {column}")
{
    /// <summary>1-based column in the text as typed.</summary>
    public int Column { get; } = column;
}
