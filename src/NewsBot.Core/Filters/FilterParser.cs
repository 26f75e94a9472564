using NewsBot.Core.Filters.Language;

namespace NewsBot.Core.Filters;

/// <summary>
/// Parses one line of the filter language:
/// <list type="bullet">
/// <item><c>ceasefire</c>: a word; case, accents and marks do not matter; plural and possessive
/// forms match; spaces and hyphens inside it do not matter (<c>cease-fire</c>, <c>cease fire</c>).</item>
/// <item><c>"two-state solution"</c>: the words in this order.</item>
/// <item><c>a b</c>: both; <c>a OR b</c>: either; <c>( )</c> groups; <c>-a</c> or <c>NOT a</c>: without.</item>
/// <item><c>title:a</c>: in the headline; <c>source:reuters</c>: source name or host contains it.</item>
/// <item><c>negotiat*</c>: words starting with at least 3 letters; <c>/cease-?fire/</c>: a regular
/// expression (see <see cref="RegexTermCompiler"/> for what is allowed).</item>
/// <item><c>lang:ar</c>: the article's language (ISO 639-1 code or English name); a restriction, enough
/// alone; an article of unknown language matches no <c>lang:</c> and every <c>-lang:</c>.</item>
/// <item><c>outlets:3</c>: only once 3 distinct outlets report the story (once per filter, beside the
/// other terms; alone it means every such story). See <see cref="Filter.MinOutlets"/>.</item>
/// <item>Chinese, Japanese, Korean, Thai and similar scripts match as substrings.</item>
/// </list>
/// </summary>
public static class FilterParser
{
    public static FilterParseResult Parse(string text, FilterLimits? limits = null)
    {
        limits ??= FilterLimits.Default;
        text ??= "";
        if (text.Length > limits.MaxLength)
            return new FilterParseResult.Error($"the filter is longer than {limits.MaxLength} characters", limits.MaxLength + 1);
        if (string.IsNullOrWhiteSpace(text))
            return new FilterParseResult.Error("the filter is empty", 1);
        try
        {
            var (root, minOutlets) = FilterGrammar.Parse(text, limits);
            return new FilterParseResult.Success(new Filter(text, root, minOutlets));
        }
        catch (FilterSyntaxException e)
        {
            return new FilterParseResult.Error(e.Message, e.Column);
        }
    }
}
