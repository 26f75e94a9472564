namespace NewsBot.Pipeline.Push;

/// <summary>
/// Reads RFC 8288 Link header values (<c>&lt;https://hub.example/&gt;; rel="hub", &lt;…&gt;; rel=self</c>)
/// with one forward pass: no pattern, no backtracking, cost linear in the (capped) header.
/// </summary>
internal static class LinkHeader
{
    /// <summary>Most links read from one response.</summary>
    private const int MaxLinks = 32;

    /// <summary>The targets of every link in <paramref name="values"/> whose rel has <paramref name="relation"/>, resolved against <paramref name="baseUrl"/>.</summary>
    public static IEnumerable<Uri> Targets(IEnumerable<string> values, string relation, Uri baseUrl)
    {
        var seen = 0;
        foreach (var value in values)
        {
            var at = 0;
            while (at < value.Length && seen < MaxLinks)
            {
                var open = value.IndexOf('<', at);
                if (open < 0) break;
                var close = value.IndexOf('>', open + 1);
                if (close < 0) break;
                var target = value[(open + 1)..close].Trim();
                var end = ParamsEnd(value, close + 1);
                seen++;
                if (HasRel(value.AsSpan(close + 1, end - close - 1), relation) && Uri.TryCreate(baseUrl, target, out var uri))
                    yield return uri;
                at = end + 1;
            }
        }
    }

    /// <summary>Where a link's parameters end: the next comma outside quotes, or the end.</summary>
    private static int ParamsEnd(string value, int from)
    {
        var quoted = false;
        for (var i = from; i < value.Length; i++)
        {
            if (value[i] == '"') quoted = !quoted;
            else if (value[i] == ',' && !quoted) return i;
        }
        return value.Length;
    }

    private static bool HasRel(ReadOnlySpan<char> parameters, string relation)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            var eq = parameter.IndexOf('=');
            if (eq < 0 || !parameter[..eq].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase)) continue;
            var rels = parameter[(eq + 1)..].Trim().Trim('"');
            foreach (var token in rels.Split(' '))
                if (rels[token].Equals(relation, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
