namespace NewsBot.Core.Stories;

/// <summary>
/// The story index's articles, oldest first, in flat arrays (no object per article or per term):
/// each article is a slot holding its story id, time, script and up to
/// <see cref="StorySignature.MaxTerms"/> terms with their kinds; each term is a node
/// (slot × MaxTerms + position) in a doubly linked chain of a hash bucket, newest first, so a lookup
/// walks a term's newest postings and a removal unlinks in constant time. Also counts, per term, how
/// many held articles have it (document frequency, for rarity). The arrays grow by doubling up to the
/// capacity the index was given, then slots are reused. Not thread-safe: <see cref="StoryIndex"/> locks.
/// </summary>
internal sealed class TermRing(int maxArticles)
{
    public const int NoNode = -1;
    private const int Terms = StorySignature.MaxTerms;
    private const int FirstCapacity = 256;

    private uint[] _terms = [];
    private StoryTermKind[] _kinds = [];
    private byte[] _termCounts = [];
    private StoryScript[] _scripts = [];
    private long[] _storyIds = [];
    private long[] _ticks = [];
    private float[]?[] _embeddings = [];
    private int[] _next = [];
    private int[] _previous = [];
    private int[] _heads = [];
    private readonly Dictionary<uint, int> _documentFrequency = [];
    private int _first;

    public int Count { get; private set; }

    public int Capacity => _storyIds.Length;

    public int MaxArticles => maxArticles;

    public int Oldest => _first;

    public long StoryId(int slot) => _storyIds[slot];

    public long Ticks(int slot) => _ticks[slot];

    public StoryScript Script(int slot) => _scripts[slot];

    public ReadOnlySpan<uint> TermsOf(int slot) => _terms.AsSpan(slot * Terms, _termCounts[slot]);

    public ReadOnlySpan<StoryTermKind> KindsOf(int slot) => _kinds.AsSpan(slot * Terms, _termCounts[slot]);

    public float[]? EmbeddingOf(int slot) => _embeddings[slot];

    /// <summary>Of the newest <paramref name="limit"/> articles, those with an embedding, newest first.</summary>
    public IEnumerable<int> NewestWithEmbedding(int limit)
    {
        for (var k = 0; k < Math.Min(limit, Count); k++)
        {
            var slot = (_first + Count - 1 - k) % Capacity;
            if (_embeddings[slot] is not null) yield return slot;
        }
    }

    /// <summary>How many held articles have <paramref name="term"/>.</summary>
    public int DocumentFrequency(uint term) => _documentFrequency.GetValueOrDefault(term);

    /// <summary>Stores an article as the newest and returns its slot; the caller removes the oldest first when <see cref="Count"/> reached <see cref="MaxArticles"/>.</summary>
    public int Append(long storyId, StorySignature signature, long ticks)
    {
        if (Count == Capacity) Grow();
        var slot = (_first + Count) % Capacity;
        Count++;
        _storyIds[slot] = storyId;
        _ticks[slot] = ticks;
        _scripts[slot] = signature.Script;
        signature.Terms.CopyTo(_terms.AsSpan(slot * Terms));
        signature.Kinds.CopyTo(_kinds.AsSpan(slot * Terms));
        _termCounts[slot] = (byte)signature.Terms.Length;
        _embeddings[slot] = signature.Embedding.Length > 0 ? signature.Embedding.ToArray() : null;
        foreach (var term in signature.Terms) _documentFrequency[term] = DocumentFrequency(term) + 1;
        Link(slot);
        return slot;
    }

    /// <summary>Forgets the oldest article.</summary>
    public void RemoveOldest()
    {
        var slot = _first;
        for (var i = 0; i < _termCounts[slot]; i++)
        {
            var node = slot * Terms + i;
            var (previous, next) = (_previous[node], _next[node]);
            if (previous == NoNode) _heads[Bucket(_terms[node])] = next;
            else _next[previous] = next;
            if (next != NoNode) _previous[next] = previous;
            var term = _terms[node];
            if (_documentFrequency[term] == 1) _documentFrequency.Remove(term);
            else _documentFrequency[term]--;
        }
        _embeddings[slot] = null;
        _first = (_first + 1) % Capacity;
        Count--;
    }

    /// <summary>The newest node of the chain that holds <paramref name="term"/> (among others: compare <see cref="TermAt"/>).</summary>
    public int Head(uint term) => Count == 0 ? NoNode : _heads[Bucket(term)];

    public int Next(int node) => _next[node];

    public uint TermAt(int node) => _terms[node];

    public StoryTermKind KindAt(int node) => _kinds[node];

    public static int SlotOf(int node) => node / Terms;

    private int Bucket(uint term) => (int)(StoryTermHash.Mix(term) & (ulong)(_heads.Length - 1));

    private void Link(int slot)
    {
        for (var i = 0; i < _termCounts[slot]; i++)
        {
            var node = slot * Terms + i;
            var bucket = Bucket(_terms[node]);
            var head = _heads[bucket];
            (_next[node], _previous[node]) = (head, NoNode);
            if (head != NoNode) _previous[head] = node;
            _heads[bucket] = node;
        }
    }

    /// <summary>Doubles the arrays (up to the cap), copying the articles oldest first and relinking them in that order.</summary>
    private void Grow()
    {
        var capacity = (int)Math.Min(Math.Max(2L * Capacity, FirstCapacity), maxArticles);
        var (terms, kinds, termCounts, scripts, storyIds, ticks, embeddings) = (_terms, _kinds, _termCounts, _scripts, _storyIds, _ticks, _embeddings);
        var (first, count, oldCapacity) = (_first, Count, Capacity);
        _terms = new uint[capacity * Terms];
        _kinds = new StoryTermKind[capacity * Terms];
        _termCounts = new byte[capacity];
        _scripts = new StoryScript[capacity];
        _storyIds = new long[capacity];
        _ticks = new long[capacity];
        _embeddings = new float[]?[capacity];
        _next = new int[capacity * Terms];
        _previous = new int[capacity * Terms];
        // Articles hold ~15 terms on average: about two nodes per bucket when full.
        _heads = new int[Math.Max(1, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(capacity * 8)))];
        Array.Fill(_heads, NoNode);
        for (var i = 0; i < count; i++)
        {
            var from = (first + i) % oldCapacity;
            terms.AsSpan(from * Terms, Terms).CopyTo(_terms.AsSpan(i * Terms));
            kinds.AsSpan(from * Terms, Terms).CopyTo(_kinds.AsSpan(i * Terms));
            (_termCounts[i], _scripts[i], _storyIds[i], _ticks[i], _embeddings[i]) = (termCounts[from], scripts[from], storyIds[from], ticks[from], embeddings[from]);
            Link(i);
        }
        _first = 0;
    }
}
