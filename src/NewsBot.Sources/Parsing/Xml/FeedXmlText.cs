using System.Xml;

namespace NewsBot.Sources.Parsing.Xml;

/// <summary>
/// The repaired text of one XML feed and the readers over it: the whole document, or — after a
/// structural error — the rest of it from the next item start, with the feed's open outer elements
/// (root, channel) written again in front so the resumed reader sees the items where they were.
/// Every offset handed in only moves forward, so however many errors a document has, each
/// character is looked at a bounded number of times.
/// </summary>
internal sealed class FeedXmlText(string text)
{
    private readonly IReadOnlyDictionary<string, string> _fallbacks = FeedXmlReader.PrefixFallbacks(text);
    private int _cursorOffset;
    private int _cursorLine = 1;
    private int _cursorLineStart;

    /// <summary>A reader over the whole document.</summary>
    public XmlReader Open() => FeedXmlReader.Create(new StringReader(text), _fallbacks);

    /// <summary>
    /// A reader over the text from <paramref name="offset"/> on, preceded by <paramref name="openTags"/>
    /// (outermost first) and a line break: the resumed text starts on line 2, column 1.
    /// </summary>
    public XmlReader OpenAt(int offset, IEnumerable<string> openTags) =>
        FeedXmlReader.Create(new ResumedTextReader(string.Concat(openTags) + "\n", text, offset), _fallbacks);

    /// <summary>
    /// The offset of (<paramref name="line"/>, <paramref name="position"/>) as a reader over the text from
    /// <paramref name="start"/> reported it, its first real line being <paramref name="firstLine"/>; null
    /// when it lies before the text (in the re-opened tags) or past its end. XmlReader counts "\r\n", "\r"
    /// and "\n" as one line break each and positions from 1.
    /// </summary>
    public int? OffsetOf(int start, int firstLine, int line, int position)
    {
        if (line < firstLine || position < 1) return null;
        var i = start;
        for (var lines = line - firstLine; lines > 0; lines--)
        {
            i = text.AsSpan(i).IndexOfAny('\r', '\n') is var at and >= 0 ? i + at : -1;
            if (i < 0) return null;
            i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
        }
        var offset = i + position - 1;
        return offset <= text.Length ? offset : null;
    }

    /// <summary>
    /// The start of the first element after <paramref name="from"/> whose local name is an item's, or -1.
    /// Only a tag start is taken ("&lt;item&gt;", "&lt;item ", "&lt;rss:item"), never "&lt;items" or "&lt;/item&gt;".
    /// </summary>
    public int NextItemStart(int from, Func<string, bool> isItem, CancellationToken ct)
    {
        for (var i = from; i < text.Length; i++)
        {
            var at = text.AsSpan(i).IndexOf('<');
            if (at < 0) return -1;
            i += at;
            ct.ThrowIfCancellationRequested();
            var nameEnd = i + 1;
            var localStart = nameEnd;
            while (nameEnd < text.Length && nameEnd - i <= 100 && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] is ':' or '_' or '-' or '.'))
            {
                if (text[nameEnd] == ':') localStart = nameEnd + 1;
                nameEnd++;
            }
            if (nameEnd > localStart && nameEnd < text.Length && text[nameEnd] is '>' or '/' or ' ' or '\t' or '\r' or '\n'
                && isItem(text[localStart..nameEnd]))
                return i;
        }
        return -1;
    }

    /// <summary>Whether only white space is left from <paramref name="offset"/> on: an error there is the body cut off, not broken markup.</summary>
    public bool EndsAt(int offset) => offset >= text.Length || text.AsSpan(offset).IsWhiteSpace();

    /// <summary>Line and column (from 1) of <paramref name="offset"/>; offsets asked for must not go backwards.</summary>
    public (int Line, int Column) LineAndColumn(int offset)
    {
        for (; _cursorOffset < offset && _cursorOffset < text.Length; _cursorOffset++)
        {
            var c = text[_cursorOffset];
            if (c == '\n' || (c == '\r' && (_cursorOffset + 1 >= text.Length || text[_cursorOffset + 1] != '\n')))
            {
                _cursorLine++;
                _cursorLineStart = _cursorOffset + 1;
            }
        }
        return (_cursorLine, offset - _cursorLineStart + 1);
    }

    /// <summary>The re-opened tags, then the document from an offset, without copying the document.</summary>
    private sealed class ResumedTextReader(string prefix, string text, int offset) : TextReader
    {
        private int _position = -prefix.Length; // negative: still inside the prefix

        public override int Peek() => Current(_position);

        public override int Read()
        {
            var c = Current(_position);
            if (c >= 0) _position++;
            return c;
        }

        public override int Read(char[] buffer, int index, int count)
        {
            var written = 0;
            if (_position < 0)
            {
                written = Math.Min(count, -_position);
                prefix.CopyTo(prefix.Length + _position, buffer, index, written);
                _position += written;
            }
            var room = Math.Min(count - written, text.Length - offset - _position);
            if (room <= 0) return written;
            text.CopyTo(offset + _position, buffer, index + written, room);
            _position += room;
            return written + room;
        }

        private int Current(int position) =>
            position < 0 ? prefix[prefix.Length + position] : offset + position < text.Length ? text[offset + position] : -1;
    }
}
