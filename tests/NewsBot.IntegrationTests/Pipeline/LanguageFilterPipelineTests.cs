using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>
/// <c>lang:</c> through the real host: a mixed Arabic/English/French feed that declares no language,
/// polled, detected, matched and printed by the console chat.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class LanguageFilterPipelineTests : IAsyncLifetime
{
    private const string ArabicCeasefire = "اتفاق وقف إطلاق النار في غزة يدخل حيز التنفيذ";
    private const string ArabicGold = "ارتفاع أسعار الذهب في الأسواق المحلية";
    private const string EnglishCeasefire = "Ceasefire talks resume in Cairo as mediators press both sides";
    private const string FrenchCeasefire = "Le cessez-le-feu tient malgré des tensions";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-test-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;

    public async Task InitializeAsync() => _site = await NewsSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    [Fact]
    public async Task Console_chat_with_lang_filters_gets_only_the_arabic_and_non_english_ceasefire_stories()
    {
        _site.Feed.Add("old", "Old news", "<p>Nothing to see.</p>", DateTimeOffset.UtcNow.AddHours(-2));
        var settings = _site.SeedSource();
        settings["NewsBot:Console:Filters:0"] = "lang:ar";
        settings["NewsBot:Console:Filters:1"] = "ceasefire -lang:en";
        settings["NewsBot:Languages:AlsoConsider:0"] = "en";
        settings["NewsBot:Languages:AlsoConsider:1"] = "fa";
        settings["NewsBot:Languages:AlsoConsider:2"] = "fr";
        await using var host = await TestHost.StartAsync(_dbPath, settings);
        await _site.WaitForPollsAsync(1, Wait);

        var now = DateTimeOffset.UtcNow;
        _site.Feed
            .Add("ar-1", ArabicCeasefire, "<p>دخل اتفاق وقف إطلاق النار (ceasefire) في قطاع غزة حيز التنفيذ صباح اليوم وسط ترقب حذر من السكان.</p>", now)
            .Add("en-1", EnglishCeasefire, "<p>Negotiators returned to Cairo on Sunday to discuss a ceasefire with both sides.</p>", now)
            .Add("ar-2", ArabicGold, "<p>شهدت أسعار الذهب ارتفاعا ملحوظا في الأسواق المحلية اليوم مع إقبال المواطنين على الشراء.</p>", now)
            .Add("fr-1", FrenchCeasefire, "<p>Le cessez-le-feu (ceasefire) conclu la semaine dernière tient toujours, malgré des tensions.</p>", now);
        await Eventually.TrueAsync(() => host.Output.Text.Contains(ArabicCeasefire) && host.Output.Text.Contains(ArabicGold) && host.Output.Text.Contains(FrenchCeasefire),
            Wait, "the Arabic and French stories are alerted");
        await _site.WaitForPollsAsync(2, Wait);

        Assert.DoesNotContain(EnglishCeasefire, host.Output.Text);
        await using var db = host.Db();
        var languages = await db.Articles.Where(a => a.Title != "Old news").OrderBy(a => a.Title).Select(a => a.Title + "=" + a.Language).ToListAsync();
        Assert.Equal(new[] { $"{ArabicCeasefire}=ar", $"{ArabicGold}=ar", $"{EnglishCeasefire}=en", $"{FrenchCeasefire}=fr" }.Order(StringComparer.Ordinal),
            languages.Order(StringComparer.Ordinal));
    }
}
