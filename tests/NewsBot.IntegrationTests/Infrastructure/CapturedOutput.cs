using System.Text;

namespace NewsBot.IntegrationTests.Infrastructure;

/// <summary>A thread-safe TextWriter standing in for the terminal the console chat prints to.</summary>
public sealed class CapturedOutput : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate) _text.Append(value);
    }

    public override void Write(string? value)
    {
        lock (_gate) _text.Append(value);
    }

    public string Text
    {
        get
        {
            lock (_gate) return _text.ToString();
        }
    }

    public int Count(string fragment)
    {
        var text = Text;
        var count = 0;
        for (var i = text.IndexOf(fragment, StringComparison.Ordinal); i >= 0; i = text.IndexOf(fragment, i + fragment.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
