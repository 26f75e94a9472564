using NewsBot.Core.Text;

namespace NewsBot.Core.Filters.Language;

/// <summary>
/// Recursive-descent parser over the lexer's tokens:
/// <code>
/// or      := and ("OR" and)*
/// and     := unary ("AND"? unary)*           terms side by side must all match
/// unary   := ("-" | "NOT") unary | primary
/// primary := "(" or ")" | "title:" primary | "source:" value | "lang:" code | "outlets:" number | word | word* | "phrase" | /regex/
/// </code>
/// <c>outlets:N</c> is allowed only as a top-level AND item and lifted out of the tree (<see cref="CoverageTerm"/>).
/// </summary>
public sealed class FilterGrammar
{
    private const int MaxDepth = 16;
    private readonly List<LexToken> _tokens;
    private readonly FilterLimits _limits;
    private int _position;
    private int _terms;

    private FilterGrammar(List<LexToken> tokens, FilterLimits limits)
    {
        _tokens = tokens;
        _limits = limits;
    }

    /// <returns>The filter's text part and its <c>outlets:N</c> (1 when it has none).</returns>
    public static (FilterNode Root, int MinOutlets) Parse(string text, FilterLimits limits)
    {
        var grammar = new FilterGrammar(FilterLexer.Tokenize(text), limits);
        var parsed = grammar.ParseOr(0);
        if (grammar.Peek() is { } extra)
            throw new FilterSyntaxException(extra.Kind == LexKind.Close ? "unexpected ')'" : $"unexpected '{extra.Text}'", extra.Column);
        var (root, minOutlets) = CoverageTerm.Take(parsed);
        // "outlets:3" alone, or "outlets:3 -football", is a complete filter: every big story (but
        // football). Without a coverage term, a filter of exclusions alone would match nearly everything;
        // a source alone ("source:reuters") is every article of that source, which is per-feed routing.
        if (minOutlets == 1 && !FilterShape.HasPositiveTerm(root) && !FilterShape.SelectsSource(root))
            throw new FilterSyntaxException("the filter needs a word, phrase or pattern to look for (exclusions and source: only narrow it down)", 1);
        return (root, minOutlets);
    }

    private LexToken? Peek() => _position < _tokens.Count ? _tokens[_position] : null;

    private static bool EndsGroup(LexToken? token) => token is null || token.Value.Kind is LexKind.Close or LexKind.Or;

    private FilterNode ParseOr(int depth)
    {
        var branches = new List<FilterNode>();
        while (true)
        {
            var start = Peek();
            if (start is { Kind: LexKind.Or } leadingOr) throw new FilterSyntaxException("OR needs a term before it", leadingOr.Column);
            var branch = ParseAnd(depth);
            if (branches.Count > 0 || Peek() is { Kind: LexKind.Or })
            {
                if (branch is OutletsNode outlets) throw CoverageTerm.MisplacedAt(outlets.Column);
                if (!FilterShape.HasPositiveTerm(branch))
                    throw new FilterSyntaxException("each side of OR needs a word, phrase or pattern to look for", start!.Value.Column);
            }
            branches.Add(branch);
            if (Peek() is not { Kind: LexKind.Or } or) break;
            _position++;
            if (EndsGroup(Peek())) throw new FilterSyntaxException("OR needs a term after it", or.Column);
        }
        return branches.Count == 1 ? branches[0] : new OrNode(branches);
    }

    private FilterNode ParseAnd(int depth)
    {
        var items = new List<FilterNode>();
        while (!EndsGroup(Peek()))
        {
            if (Peek() is { Kind: LexKind.And } and)
            {
                _position++;
                if (items.Count == 0) throw new FilterSyntaxException("AND needs a term before it", and.Column);
                if (EndsGroup(Peek())) throw new FilterSyntaxException("AND needs a term after it", and.Column);
            }
            items.Add(ParseUnary(depth, titleOnly: false));
        }
        if (items.Count == 0)
        {
            if (Peek() is { Kind: LexKind.Close } close) throw new FilterSyntaxException("unexpected ')'", close.Column);
            throw new FilterSyntaxException("the filter is empty", 1);
        }
        return items.Count == 1 ? items[0] : new AndNode(items);
    }

    private FilterNode ParseUnary(int depth, bool titleOnly)
    {
        var token = Peek()!.Value;
        if (token.Kind is not (LexKind.Minus or LexKind.Not)) return ParsePrimary(depth, titleOnly);
        _position++;
        if (EndsGroup(Peek()) || Peek() is { Kind: LexKind.And })
            throw new FilterSyntaxException($"{(token.Kind == LexKind.Not ? "NOT" : "'-'")} must be followed by the term to exclude", token.Column);
        // Each '-' recurses once; the depth cap keeps "- - - … x" from deciding our stack depth.
        if (depth >= MaxDepth) throw new FilterSyntaxException("too many '-' or NOT in a row", token.Column);
        return new NotNode(ParseUnary(depth + 1, titleOnly));
    }

    private FilterNode ParsePrimary(int depth, bool titleOnly)
    {
        var token = _tokens[_position++];
        switch (token.Kind)
        {
            case LexKind.Open:
                if (depth >= MaxDepth) throw new FilterSyntaxException("parentheses nested too deeply", token.Column);
                if (Peek() is { Kind: LexKind.Close }) throw new FilterSyntaxException("empty parentheses", token.Column);
                var inner = titleOnly ? TitleGroup(depth, token) : ParseOr(depth + 1);
                if (Peek() is not { Kind: LexKind.Close }) throw new FilterSyntaxException("unclosed parenthesis", token.Column);
                _position++;
                return inner;
            case LexKind.Title:
                if (Peek() is not { Glued: true } next || EndsGroup(next) || next.Kind is LexKind.And or LexKind.Not or LexKind.Minus)
                    throw new FilterSyntaxException("title: must be directly followed by a term, e.g. title:ceasefire", token.Column);
                if (depth >= MaxDepth) throw new FilterSyntaxException("title: repeated too often", token.Column);
                return ParsePrimary(depth + 1, titleOnly: true);
            case LexKind.Source:
                if (titleOnly) throw new FilterSyntaxException("source: cannot be used inside title:", token.Column);
                return Source(token);
            case LexKind.Lang:
                if (titleOnly) throw new FilterSyntaxException("lang: cannot be used inside title:", token.Column);
                CountTerm(token);
                return Language(token);
            case LexKind.Outlets:
                // depth counts parentheses, NOT and title: above this term; OR is caught once the tree is whole.
                if (depth > 0 || titleOnly) throw CoverageTerm.MisplacedAt(token.Column);
                CountTerm(token);
                return CoverageTerm.Parse(token.Text, token.Column);
            case LexKind.Word:
                CountTerm(token);
                return WordTermBuilder.Word(token.Text, token.Column, titleOnly);
            case LexKind.Phrase:
                CountTerm(token);
                return WordTermBuilder.Phrase(token.Text, token.Column, titleOnly);
            case LexKind.Regex:
                CountTerm(token);
                return RegexTermCompiler.Compile(token.Text, token.Column, titleOnly, _limits);
            default:
                throw new FilterSyntaxException($"unexpected '{token.Text}'", token.Column);
        }
    }

    /// <summary><c>title:(a OR b)</c>: everything inside the parentheses is limited to the headline.</summary>
    private FilterNode TitleGroup(int depth, LexToken open)
    {
        var node = ParseOr(depth + 1);
        return FilterShape.LimitToTitle(node, open.Column);
    }

    private SourceNode Source(LexToken field)
    {
        if (Peek() is not { Glued: true, Kind: LexKind.Word or LexKind.Phrase } value)
            throw new FilterSyntaxException("source: needs a name right after the colon, e.g. source:reuters", field.Column);
        _position++;
        CountTerm(value);
        var folded = Normalization.TextFolding.Fold(value.Text).Trim();
        if (folded.Length == 0) throw new FilterSyntaxException("source: needs a name right after the colon, e.g. source:reuters", field.Column);
        return new SourceNode(folded);
    }

    private static LanguageTerm Language(LexToken token)
    {
        if (token.Text.Length == 0)
            throw new FilterSyntaxException("lang: needs a language right after the colon, e.g. lang:ar or lang:en", token.Column);
        return LanguageCodes.Resolve(token.Text) is { } code ? new LanguageTerm(code)
            : throw new FilterSyntaxException(
                $"unknown language '{(token.Text.Length > 20 ? token.Text[..20] + "…" : token.Text)}' after lang: (use a two-letter ISO 639-1 code such as lang:en, lang:ar, lang:fr, lang:es, lang:ru, lang:zh, or an English name such as lang:arabic)",
                token.Column);
    }

    private void CountTerm(LexToken token)
    {
        if (++_terms > _limits.MaxTerms)
            throw new FilterSyntaxException($"too many terms (at most {_limits.MaxTerms} per filter)", token.Column);
    }
}
