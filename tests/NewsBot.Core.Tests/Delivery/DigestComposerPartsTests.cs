using NewsBot.Core.Delivery;

namespace NewsBot.Core.Tests.Delivery;

public sealed class DigestComposerPartsTests
{
    [Theory]
    [InlineData(4096, 1)]
    [InlineData(200, 4)]
    public void Each_part_names_the_stories_it_lists_and_every_story_is_in_exactly_one_part(int maxLength, int minParts)
    {
        var at = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
        var entries = Enumerable.Range(1, 8).Select(i => new DigestEntry(
            $"Ceasefire story number {i} with a long enough headline to fill a line", $"https://wire.example/{i}", "Wire",
            StoryId: i, at.AddMinutes(i), ["ceasefire"])).ToList();

        var parts = DigestComposer.ComposeParts(DigestKind.Daily, entries, DigestLayout.PlainText(maxLength));

        Assert.InRange(parts.Count, minParts, 8);
        Assert.Equal(parts.Select(p => p.Text), DigestComposer.Compose(DigestKind.Daily, entries, DigestLayout.PlainText(maxLength)));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i).Order(), parts.SelectMany(p => p.StoryIds).Order());
        foreach (var part in parts)
            foreach (var entry in entries)
                Assert.Equal(part.StoryIds.Contains(entry.StoryId), part.Text.Contains($"number {entry.StoryId} ", StringComparison.Ordinal));
    }
}
