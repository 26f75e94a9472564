using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace NewsBot.Core.Commands;

/// <summary>One piece of a reply: words (ours or a user's, shown exactly as given), a command mention, or a usage line.</summary>
public abstract record ReplyPart
{
    /// <summary>Text shown verbatim on every platform; a user's filter or a feed's title is never rewritten.</summary>
    public sealed record Words(string Text) : ReplyPart;

    /// <summary>A command the reader can run, named the way the reader's platform names it.</summary>
    public sealed record Command(CommandMention Mention) : ReplyPart;

    /// <summary>A command's usage line (<c>/remove &lt;number&gt; [@channel]</c>) in the reader's platform's syntax.</summary>
    public sealed record Usage(string CommandName) : ReplyPart;
}

/// <summary>
/// The words of a reply as data: commands are mentioned, not spelled, so each platform names them its own
/// way (Telegram <c>/digest daily 08:00</c>, Discord <c>/news digest mode:daily time:08:00</c>) and nothing
/// rewrites text after the fact. Write it as an interpolated string: a <see cref="CommandMention"/> hole
/// becomes a mention, any other hole plain text (formatted with the invariant culture). There is deliberately
/// no conversion from <c>string</c>: an interpolated string that went through <c>string</c> would have spelled
/// its mentions the Telegram way already, so APIs take <see cref="ReplyTextBuilder"/> or <see cref="ReplyText"/>.
/// </summary>
public sealed class ReplyText : IEquatable<ReplyText>
{
    public static ReplyText Empty { get; } = new([]);

    public ReplyText(IEnumerable<ReplyPart> parts) => Parts = Merged(parts);

    public ReplyText(ReplyTextBuilder text) => Parts = text.Build();

    public IReadOnlyList<ReplyPart> Parts { get; }

    public static ReplyText Of(ReplyTextBuilder text) => new(text);

    public static ReplyText Plain(string text) => new([new ReplyPart.Words(text)]);

    /// <summary>The usage line of <paramref name="commandName"/>, in the reader's platform's syntax.</summary>
    public static ReplyText UsageOf(string commandName) => new([new ReplyPart.Usage(commandName)]);

    public static implicit operator ReplyText(CommandMention mention) => new([new ReplyPart.Command(mention)]);

    public static ReplyText operator +(ReplyText first, ReplyText second) => new([.. first.Parts, .. second.Parts]);

    /// <summary>The text the reader sees on a platform that names commands as <paramref name="naming"/> does.</summary>
    public string Render(ICommandNaming naming)
    {
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            text.Append(part switch
            {
                ReplyPart.Words w => w.Text,
                ReplyPart.Command c => naming.Mention(c.Mention),
                ReplyPart.Usage u => naming.Usage(u.CommandName),
                _ => throw new InvalidOperationException($"reply text: unknown part {part.GetType().Name}"),
            });
        }
        return text.ToString();
    }

    private static List<ReplyPart> Merged(IEnumerable<ReplyPart> parts)
    {
        var merged = new List<ReplyPart>();
        foreach (var part in parts)
        {
            if (part is ReplyPart.Words { Text.Length: 0 }) continue;
            if (part is ReplyPart.Words next && merged.Count > 0 && merged[^1] is ReplyPart.Words previous)
                merged[^1] = new ReplyPart.Words(previous.Text + next.Text);
            else
                merged.Add(part);
        }
        return merged;
    }

    /// <summary>Telegram's (text-command) rendering, for logs and tests.</summary>
    public override string ToString() => Render(TextCommandNaming.Instance);

    public bool Equals(ReplyText? other) => other is not null && Parts.SequenceEqual(other.Parts);

    public override bool Equals(object? obj) => obj is ReplyText other && Equals(other);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}

/// <summary>Collects the parts of an interpolated <see cref="ReplyText"/>; adjacent words are merged.</summary>
[InterpolatedStringHandler]
public struct ReplyTextBuilder
{
    private List<ReplyPart>? _parts;
    private StringBuilder? _words;

    public ReplyTextBuilder(int literalLength, int formattedCount)
    {
        _parts = new List<ReplyPart>(formattedCount + 1);
        _words = new StringBuilder(literalLength);
    }

    public readonly void AppendLiteral(string text) => _words!.Append(text);

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        switch (value)
        {
            case CommandMention mention:
                Flush();
                _parts!.Add(new ReplyPart.Command(mention));
                break;
            case ReplyText text:
                foreach (var part in text.Parts)
                {
                    if (part is ReplyPart.Words w) _words!.Append(w.Text);
                    else
                    {
                        Flush();
                        _parts!.Add(part);
                    }
                }
                break;
            case IFormattable formattable:
                _words!.Append(formattable.ToString(format, CultureInfo.InvariantCulture));
                break;
            default:
                _words!.Append(value?.ToString());
                break;
        }
    }

    internal IReadOnlyList<ReplyPart> Build()
    {
        _parts ??= [];
        Flush();
        return _parts;
    }

    private readonly void Flush()
    {
        if (_words is not { Length: > 0 }) return;
        _parts!.Add(new ReplyPart.Words(_words.ToString()));
        _words.Clear();
    }
}
