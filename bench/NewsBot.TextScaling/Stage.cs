namespace NewsBot.TextScaling;

/// <summary>One text stage: how to make its input of size n (not timed), and the call that is timed.</summary>
internal sealed record Stage(string Name, int N, string Unit, Func<int, object> MakeInput, Action<object> Run)
{
    public static Stage Of<T>(string name, int n, string unit, Func<int, T> makeInput, Action<T> run) where T : notnull =>
        new(name, n, unit, size => makeInput(size), input => run((T)input));
}
