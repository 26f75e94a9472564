using NewsBot.Core.Filters.Language;

namespace NewsBot.Core.Filters.Index;

/// <summary>
/// A filter as one small int array, so verifying a candidate reads one contiguous block instead of
/// chasing a tree of objects across a heap of a million filters. Prefix notation: a value ≥ 0 is a
/// word or prefix term's slot (a bit test in the article's found-set); otherwise an operator:
/// <c>[Not, length, child]</c>, <c>[And|Or, length, children…]</c> (length covers the whole node,
/// so a short-circuit skips the rest), <c>[Regex, slot]</c>, <c>[Source, index]</c> into the entry's
/// source values.
/// </summary>
internal static class FilterProgram
{
    private const int Not = -1, And = -2, Or = -3, Regex = -4, Source = -5;

    public static int[] Compile(CompiledNode root, List<string> sources)
    {
        var code = new List<int>();
        Emit(root, code, sources);
        return code.ToArray();
    }

    /// <summary>
    /// True when finding the key (and the companion, if any) already proves a match: the program
    /// has only word/prefix terms, AND and OR (true terms can only keep it true), and is true with
    /// just those two. Covers "bitcoin", "gaza ceasefire" and "(truce OR ceasefire) gaza".
    /// </summary>
    public static bool ImpliedBy(int[] code, int keySlot, int companionSlot)
    {
        foreach (var op in code)
            if (op is Not or Regex or Source) return false;
        return EvalWith(code, 0, slot => slot == keySlot || slot == companionSlot);
    }

    /// <summary>
    /// For "key -word": the excluded word's slot, when the program is exactly the key AND NOT one
    /// word/prefix term (a match is then key found and that term not); otherwise -1.
    /// </summary>
    public static int ExclusionWith(int[] code, int keySlot)
    {
        if (code is [And, 6, var key, Not, 3, var excluded] && key == keySlot && excluded >= 0) return excluded;
        if (code is [And, 6, Not, 3, var excluded2, var key2] && key2 == keySlot && excluded2 >= 0) return excluded2;
        return -1;
    }

    /// <summary>
    /// The matched terms when they are the same at every match — no OR, so every term not under NOT
    /// is required — else null (then <see cref="MatchedTerms"/> works them out per article).
    /// </summary>
    public static IReadOnlyList<string>? FixedMatchedTerms(int[] code, IndexedTerm?[] bySlot)
    {
        for (var at = 0; at < code.Length; at = code[at] >= 0 ? at + 1 : code[at] is Regex or Source ? at + 2 : at + 2)
            if (code[at] == Or) return null;
        if (code is [var only] && only >= 0 && !bySlot[only]!.IsLanguage) return bySlot[only]!.DisplayList;
        var matched = new List<string>();
        CollectWith(code, 0, bySlot, matched);
        return matched.ToArray();
    }

    /// <remarks>The entry is read only for <c>source:</c>: verifying most candidates touches just the code.</remarks>
    public static bool Matches(int[] code, FilterEntry entry, MatchContext context) => Eval(code, 0, entry, context);

    /// <summary>Terms not under NOT that matched, in filter order, each display once (as <see cref="FilterEvaluator"/> reports them).</summary>
    public static List<string> MatchedTerms(int[] code, MatchContext context)
    {
        var matched = new List<string>();
        Collect(code, 0, context, matched);
        return matched;
    }

    /// <summary>Slots of every term the program uses, once per use.</summary>
    public static IEnumerable<int> Slots(int[] code)
    {
        for (var at = 0; at < code.Length; at++)
        {
            if (code[at] >= 0) yield return code[at];
            else if (code[at] is Regex) yield return code[++at];
            else at++; // skip the length or source index
        }
    }

    private static bool Eval(int[] code, int at, FilterEntry entry, MatchContext context)
    {
        var op = code[at];
        if (op >= 0) return context.IsSeen(op);
        switch (op)
        {
            case Not: return !Eval(code, at + 2, entry, context);
            case Regex: return context.IsMatched(context.Term(code[at + 1]));
            case Source: return FilterEvaluator.SourceMatches(entry.Sources[code[at + 1]], context.Article);
        }
        var and = op == And;
        var end = at + code[at + 1];
        for (var child = at + 2; child < end; child = Next(code, child))
            if (Eval(code, child, entry, context) != and) return !and;
        return and;
    }

    private static bool EvalWith(int[] code, int at, Func<int, bool> isTrue)
    {
        var op = code[at];
        if (op >= 0) return isTrue(op);
        var and = op == And;
        var end = at + code[at + 1];
        for (var child = at + 2; child < end; child = Next(code, child))
            if (EvalWith(code, child, isTrue) != and) return !and;
        return and;
    }

    private static void CollectWith(int[] code, int at, IndexedTerm?[] bySlot, List<string> matched)
    {
        var op = code[at];
        if (op >= 0 || op == Regex)
        {
            var term = bySlot[op >= 0 ? op : code[at + 1]]!;
            if (!term.IsLanguage && !matched.Contains(term.Term.Display)) matched.Add(term.Term.Display);
            return;
        }
        if (op is not And) return;
        var end = at + code[at + 1];
        for (var child = at + 2; child < end; child = Next(code, child)) CollectWith(code, child, bySlot, matched);
    }

    private static void Collect(int[] code, int at, MatchContext context, List<string> matched)
    {
        var op = code[at];
        if (op >= 0 || op == Regex)
        {
            var term = context.Term(op >= 0 ? op : code[at + 1]);
            if ((op >= 0 ? context.IsSeen(op) : context.IsMatched(term)) && !term.IsLanguage && !matched.Contains(term.Term.Display))
                matched.Add(term.Term.Display);
            return;
        }
        if (op is not (And or Or)) return; // NOT hides its terms; source: is not a term (nor is lang:, above)
        var end = at + code[at + 1];
        for (var child = at + 2; child < end; child = Next(code, child)) Collect(code, child, context, matched);
    }

    private static int Next(int[] code, int at) => code[at] switch
    {
        >= 0 => at + 1,
        Regex or Source => at + 2,
        _ => at + code[at + 1],
    };

    private static void Emit(CompiledNode node, List<int> code, List<string> sources)
    {
        switch (node)
        {
            case IndexedTerm { Term: RegexTerm } regex:
                code.Add(Regex);
                code.Add(regex.Slot);
                break;
            case IndexedTerm term:
                code.Add(term.Slot);
                break;
            case CompiledSource source:
                code.Add(Source);
                code.Add(sources.Count);
                sources.Add(source.Value);
                break;
            case CompiledNot not:
                EmitGroup(Not, [not.Child], code, sources);
                break;
            case CompiledAnd and:
                EmitGroup(And, and.Children, code, sources);
                break;
            case CompiledOr or:
                EmitGroup(Or, or.Children, code, sources);
                break;
            default:
                throw new ArgumentException($"filter index: unknown node {node.GetType().Name}", nameof(node));
        }
    }

    private static void EmitGroup(int op, CompiledNode[] children, List<int> code, List<string> sources)
    {
        var start = code.Count;
        code.Add(op);
        code.Add(0);
        foreach (var child in children) Emit(child, code, sources);
        code[start + 1] = code.Count - start;
    }
}
