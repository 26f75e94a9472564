namespace NewsBot.Core.Filters.Index;

/// <summary>One filter in the index. <see cref="KeyPositions"/>[i] is where it sits in <see cref="Keys"/>[i].Postings, so removal is O(1).</summary>
internal sealed class FilterEntry(long id, long chatId, CompiledNode root, IndexedTerm[] keys)
{
    public long Id { get; } = id;
    public long ChatId { get; } = chatId;
    public CompiledNode Root { get; } = root;
    public IndexedTerm[] Keys { get; } = keys;
    public int[] KeyPositions { get; } = new int[keys.Length];
}
