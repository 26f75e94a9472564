namespace NewsBot.Core.Filters.Index;

/// <summary>A filter's tree inside the index, its leaves pointing at shared <see cref="IndexedTerm"/>s.</summary>
internal abstract class CompiledNode
{
    public abstract bool Matches(MatchContext context);
}

internal sealed class CompiledAnd(CompiledNode[] children) : CompiledNode
{
    public CompiledNode[] Children { get; } = children;

    public override bool Matches(MatchContext context)
    {
        foreach (var child in Children)
            if (!child.Matches(context)) return false;
        return true;
    }
}

internal sealed class CompiledOr(CompiledNode[] children) : CompiledNode
{
    public CompiledNode[] Children { get; } = children;

    public override bool Matches(MatchContext context)
    {
        foreach (var child in Children)
            if (child.Matches(context)) return true;
        return false;
    }
}

internal sealed class CompiledNot(CompiledNode child) : CompiledNode
{
    public CompiledNode Child { get; } = child;

    public override bool Matches(MatchContext context) => !Child.Matches(context);
}

internal sealed class CompiledSource(string value) : CompiledNode
{
    public string Value { get; } = value;

    public override bool Matches(MatchContext context) => FilterEvaluator.SourceMatches(Value, context.Article);
}
