namespace NewsBot.Core.Filters;

public static class FilterParser
{
    public static FilterParseResult Parse(string text, FilterLimits? limits = null)
    {
        limits ??= FilterLimits.Default;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            return new FilterParseResult.Error("the filter is empty", 1);
        if (trimmed.Length > limits.MaxLength)
            return new FilterParseResult.Error($"the filter is longer than {limits.MaxLength} characters", limits.MaxLength + 1);
        if (trimmed[0] == '"')
        {
            if (trimmed.Length < 2 || trimmed[^1] != '"')
                return new FilterParseResult.Error($"unclosed quote at column {text.IndexOf('"') + 1}", text.IndexOf('"') + 1);
            trimmed = trimmed[1..^1];
        }
        var words = TextTokens.Words(trimmed).ToArray();
        if (words.Length == 0)
            return new FilterParseResult.Error("the filter has no words", 1);
        return new FilterParseResult.Success(new Filter(text, words));
    }
}
