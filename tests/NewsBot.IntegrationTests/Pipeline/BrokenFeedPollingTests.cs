using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage.Entities;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>
/// A real feed broken the way hand-made feeds break (a stray end tag in one description), polled by the
/// real host: the items after the break are alerted, not silently lost, and the source's health says
/// how many were recovered (the line /sources, `sources list` and the admin console show).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class BrokenFeedPollingTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const string AfterTheBreak = "Ceasefire holds in the harbour town after the night";

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-test-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Server.MapContent("broken.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Harbour Wire</title><link>https://harbour.example/</link>
            <item><title>Storm closes the coast road</title><link>https://harbour.example/1</link>
              <description>Road closed.</p> Drivers are told to wait.</description></item>
            <item><title>{AfterTheBreak}</title><link>https://harbour.example/2</link><description>Calm.</description></item>
            <item><title>Ferry timetable changes from Monday</title><link>https://harbour.example/3</link></item>
            </channel></rss>
            """);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    [Fact]
    public async Task Items_after_a_stray_end_tag_are_alerted_and_the_health_says_they_were_recovered()
    {
        await using var host = await TestHost.StartAsync(_dbPath, _site.ConsoleCeasefireSettings());
        await using (var db = host.Db())
        {
            db.Sources.Add(new Source
            {
                Name = "Harbour Wire", Url = _site.Url("broken.xml").ToString(), PollInterval = TimeSpan.FromSeconds(1),
                FirstFetchDone = true, NextPollAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await Eventually.TrueAsync(() => host.Output.Text.Contains(AfterTheBreak), Wait, "the item after the break is alerted");

        await using var check = host.Db();
        var source = await check.Sources.AsNoTracking().SingleAsync(s => s.Name == "Harbour Wire");
        Assert.Null(source.LastError);
        Assert.Equal(3, source.LastItemCount);
        // The broken item itself, kept as far as it was read, and the two after it: all three were lost before.
        Assert.Contains("3 items recovered after broken markup", source.LastWarning, StringComparison.Ordinal);
    }
}
