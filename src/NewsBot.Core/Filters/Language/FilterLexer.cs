namespace NewsBot.Core.Filters.Language;

public enum LexKind { Word, Phrase, Regex, Minus, Or, And, Not, Title, Source, Outlets, Lang, Open, Close }

/// <param name="Column">1-based column of the token's first character.</param>
/// <param name="Glued">True when no space separates this token from the previous one.</param>
public readonly record struct LexToken(LexKind Kind, string Text, int Column, bool Glued);

/// <summary>Cuts a filter line into tokens: words, "phrases", /regexes/, -, ( ), OR/AND/NOT, title:, source:, lang:xx and outlets:N.</summary>
public static class FilterLexer
{
    public static List<LexToken> Tokenize(string text)
    {
        var tokens = new List<LexToken>();
        var i = 0;
        var glued = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                glued = false;
                continue;
            }
            var start = i;
            (LexKind kind, string value) token;
            switch (c)
            {
                case '(': token = (LexKind.Open, "("); i++; break;
                case ')': token = (LexKind.Close, ")"); i++; break;
                case '"': token = (LexKind.Phrase, ReadPhrase(text, ref i)); break;
                case '/': token = (LexKind.Regex, ReadRegex(text, ref i)); break;
                case '-' or '\u2212':
                    if (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))
                        throw new FilterSyntaxException("'-' must be directly followed by the term to exclude", i + 1);
                    token = (LexKind.Minus, "-");
                    i++;
                    break;
                default: token = ReadWord(text, ref i); break;
            }
            tokens.Add(new LexToken(token.kind, token.value, start + 1, glued));
            glued = true;
        }
        return tokens;
    }

    private static string ReadPhrase(string text, ref int i)
    {
        var close = text.IndexOf('"', i + 1);
        if (close < 0) throw new FilterSyntaxException("unclosed quote", i + 1);
        var inner = text[(i + 1)..close];
        i = close + 1;
        return inner;
    }

    /// <summary>Reads up to the closing slash; a slash inside [...] or after a backslash does not close.</summary>
    private static string ReadRegex(string text, ref int i)
    {
        var inClass = false;
        for (var j = i + 1; j < text.Length; j++)
        {
            switch (text[j])
            {
                case '\\': j++; break;
                case '[': inClass = true; break;
                case ']': inClass = false; break;
                case '/' when !inClass:
                    var pattern = text[(i + 1)..j];
                    i = j + 1;
                    return pattern;
            }
        }
        throw new FilterSyntaxException("unclosed regular expression (missing the closing /)", i + 1);
    }

    private static (LexKind, string) ReadWord(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"')) i++;
        var word = text[start..i];
        var colon = word.IndexOf(':');
        if (colon > 0)
        {
            var field = word[..colon];
            if (field.Equals("title", StringComparison.OrdinalIgnoreCase) || field.Equals("source", StringComparison.OrdinalIgnoreCase))
            {
                i = start + colon + 1;
                return (field.Equals("title", StringComparison.OrdinalIgnoreCase) ? LexKind.Title : LexKind.Source, word[..(colon + 1)]);
            }
            // outlets:3 is one token carrying its number (checked by the grammar): it names no text to look for.
            if (field.Equals("outlets", StringComparison.OrdinalIgnoreCase)) return (LexKind.Outlets, word[(colon + 1)..]);
            // lang:ar likewise: a code (or name) checked by the grammar, not text to look for.
            if (field.Equals("lang", StringComparison.OrdinalIgnoreCase)) return (LexKind.Lang, word[(colon + 1)..]);
            if (LooksLikeField(word, colon))
                throw new FilterSyntaxException($"unknown field '{field}:' (use title:, source:, lang: or outlets:)", start + 1);
        }
        return word switch
        {
            "OR" or "|" => (LexKind.Or, word),
            "AND" or "&" => (LexKind.And, word),
            "NOT" => (LexKind.Not, word),
            _ => (LexKind.Word, word),
        };
    }

    /// <summary><c>site:bbc.com</c> is a mistaken field; <c>10:30</c> and <c>https://…</c> are not fields at all.</summary>
    private static bool LooksLikeField(string word, int colon) =>
        colon >= 2 && colon + 1 < word.Length && word[..colon].All(char.IsAsciiLetter)
        && !word.AsSpan(colon + 1).StartsWith("//");
}
