using System.Text.RegularExpressions;

namespace NewsBot.Core.Filters.Language;

/// <summary>A parsed filter: a tree of AND, OR, NOT over terms and source restrictions.</summary>
public abstract class FilterNode;

public sealed class AndNode(IReadOnlyList<FilterNode> children) : FilterNode
{
    public IReadOnlyList<FilterNode> Children { get; } = children;
}

public sealed class OrNode(IReadOnlyList<FilterNode> children) : FilterNode
{
    public IReadOnlyList<FilterNode> Children { get; } = children;
}

public sealed class NotNode(FilterNode child) : FilterNode
{
    public FilterNode Child { get; } = child;
}

/// <summary><c>source:value</c>: the article's source name or host contains the folded value.</summary>
public sealed class SourceNode(string value) : FilterNode
{
    public string Value { get; } = value;
}

/// <summary>Something looked for in the article text; <see cref="Display"/> is how it is shown back and reported as matched.</summary>
public abstract class TermNode(bool titleOnly, string display) : FilterNode
{
    public bool TitleOnly { get; } = titleOnly;
    public string Display { get; } = display;
}

/// <summary>
/// A word, hyphenated word or quoted phrase. <see cref="Compound"/> is its stems run together:
/// it matches wherever consecutive article stems spell exactly that.
/// </summary>
public sealed class WordTerm(bool titleOnly, string display, string compound) : TermNode(titleOnly, display)
{
    public string Compound { get; } = compound;
}

/// <summary><c>negotiat*</c>: an article word starting with <see cref="Prefix"/> (folded, not singularized).</summary>
public sealed class PrefixTerm(bool titleOnly, string prefix) : TermNode(titleOnly, prefix + "*")
{
    public string Prefix { get; } = prefix;
}

/// <summary>
/// <c>lang:ar</c>: the article's language (<see cref="ArticleText.Language"/>) is <see cref="Code"/>.
/// A restriction like <c>source:</c>, never reported as a matched term, but unlike it enough alone
/// (<c>lang:ar</c>: every Arabic article) and found by the index the way words are, so a filter on a
/// language alone is a candidate only for articles in that language. An article of unknown language
/// matches no <c>lang:</c> term (and so every <c>-lang:</c>).
/// </summary>
public sealed class LanguageTerm(string code) : TermNode(false, "lang:" + code)
{
    /// <summary>ISO 639-1, lower case.</summary>
    public string Code { get; } = code;
}

/// <summary>
/// <c>/pattern/</c>, run on the folded text. <see cref="RequiredLiterals"/>: folded letter runs of
/// which every match contains at least one (empty when the pattern has none), used by the index.
/// </summary>
public sealed class RegexTerm(bool titleOnly, string pattern, Regex regex, IReadOnlyList<string> requiredLiterals)
    : TermNode(titleOnly, "/" + pattern + "/")
{
    public string Pattern { get; } = pattern;
    public Regex Regex { get; } = regex;
    public IReadOnlyList<string> RequiredLiterals { get; } = requiredLiterals;

    /// <summary>A pattern that runs too long counts as not matching, the same way every time.</summary>
    public bool IsMatch(string foldedText)
    {
        try
        {
            return Regex.IsMatch(foldedText);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
