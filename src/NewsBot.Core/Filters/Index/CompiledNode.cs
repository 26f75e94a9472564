namespace NewsBot.Core.Filters.Index;

/// <summary>
/// A filter's tree while it is added to the index, its leaves pointing at shared
/// <see cref="IndexedTerm"/>s: keys and companion are chosen on it, then it becomes a
/// <see cref="FilterProgram"/> and is dropped.
/// </summary>
internal abstract class CompiledNode;

internal sealed class CompiledAnd(CompiledNode[] children) : CompiledNode
{
    public CompiledNode[] Children { get; } = children;
}

internal sealed class CompiledOr(CompiledNode[] children) : CompiledNode
{
    public CompiledNode[] Children { get; } = children;
}

internal sealed class CompiledNot(CompiledNode child) : CompiledNode
{
    public CompiledNode Child { get; } = child;
}

internal sealed class CompiledSource(string value) : CompiledNode
{
    public string Value { get; } = value;
}
