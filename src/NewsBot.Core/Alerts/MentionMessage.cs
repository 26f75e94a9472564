namespace NewsBot.Core.Alerts;

/// <summary>A member to mention: the platform's user id, and the name shown where the platform needs one (Telegram text mention).</summary>
public sealed record MentionedMember(string UserId, string? Name);

/// <summary>
/// One short message in a shared chat naming the members whose personal filters matched an article they could
/// not be messaged about privately, with its headline and link.
/// </summary>
public sealed record MentionMessage(string Headline, string? Link, IReadOnlyList<MentionedMember> Members)
{
    /// <summary>The plain-text form, for platforms without mentions (the console): names, then headline and link.</summary>
    public string PlainText() =>
        $"{string.Join(", ", Members.Select(m => m.Name ?? m.UserId))}: your filter matched\n{Headline}{(Link is null ? "" : "\n" + Link)}";
}
