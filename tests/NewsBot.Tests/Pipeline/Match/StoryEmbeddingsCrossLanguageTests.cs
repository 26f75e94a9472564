using Microsoft.EntityFrameworkCore;
using NewsBot.Pipeline.Deliver;

namespace NewsBot.Tests.Pipeline.Match;

/// <summary>
/// Cross-language stories: with the embedding model, the Arabic and English reports of one event (the
/// model gives them one vector) join into one story; without a model, languages stay apart.
/// </summary>
public sealed class StoryEmbeddingsCrossLanguageTests
{
    private const string English = "Ceasefire agreed in Gaza after talks in Cairo";
    private const string EnglishLead = "Israel and Hamas agreed to a ceasefire in Gaza after indirect talks mediated by Egypt and Qatar in Cairo.";
    private const string Arabic = "الاتفاق على وقف إطلاق النار في غزة بعد محادثات في القاهرة";
    private const string ArabicLead = "اتفقت إسرائيل وحماس على وقف إطلاق النار في غزة بعد محادثات غير مباشرة بوساطة مصر وقطر في القاهرة.";
    private static readonly string[] Filters = ["gaza", "غزة"];

    [Fact]
    public async Task Without_a_model_an_Arabic_and_an_English_report_of_one_event_are_two_stories()
    {
        await using var world = await EmbeddingsWorld.CreateAsync(withModel: false, filters: Filters);
        var english = await world.AddSourceAsync("Wire EN");
        var arabic = await world.AddSourceAsync("Wire AR");

        await world.PollAsync(english, world.Item("en1", English, EnglishLead));
        var second = await world.PollAsync(arabic, world.Item("ar1", Arabic, ArabicLead));

        Assert.Equal((1, 0), (second.NewAlerts, second.UpdatedAlerts));
        Assert.Equal(0, world.Server.RequestCount);
        await using var db = world.Database.Open();
        foreach (var alert in await db.Alerts.Include(a => a.Article).ToListAsync()) Assert.Empty(await AlsoReportedBy.LoadAsync(db, alert.StoryId, alert.Article!.SourceId, CancellationToken.None));
    }

    /// <summary>Needs the story index to join on embeddings (issue 16, part A): until then the two stay apart.</summary>
    [Fact]
    public async Task With_a_model_an_Arabic_and_an_English_report_of_one_event_are_one_alert_naming_both_sources()
    {
        await using var world = await EmbeddingsWorld.CreateAsync(filters: Filters);
        world.Server.SetVector(English, OneEvent);
        world.Server.SetVector(Arabic, OneEvent);
        var english = await world.AddSourceAsync("Wire EN");
        var arabic = await world.AddSourceAsync("Wire AR");

        await world.PollAsync(english, world.Item("en1", English, EnglishLead));
        var second = await world.PollAsync(arabic, world.Item("ar1", Arabic, ArabicLead));

        Assert.Equal((0, 1), (second.NewAlerts, second.UpdatedAlerts));
        await using var db = world.Database.Open();
        var alert = await db.Alerts.Include(a => a.Article).ThenInclude(a => a!.Source).SingleAsync();
        Assert.Equal(("Wire EN", "Wire AR"), (alert.Article!.Source!.Name, string.Join(", ", await AlsoReportedBy.LoadAsync(db, alert.StoryId, alert.Article!.SourceId, CancellationToken.None))));
    }

    /// <summary>Needs the story index to join on embeddings (issue 16, part A).</summary>
    [Fact]
    public async Task A_story_joined_on_meaning_still_joins_after_a_restart_rebuilt_the_index_from_stored_embeddings()
    {
        await using var world = await EmbeddingsWorld.CreateAsync(filters: Filters);
        world.Server.SetVector(English, OneEvent);
        world.Server.SetVector(Arabic, OneEvent);
        var english = await world.AddSourceAsync("Wire EN");
        await world.PollAsync(english, world.Item("en1", English, EnglishLead));

        await world.RestartIndexAsync();
        var second = await world.PollAsync(await world.AddSourceAsync("Wire AR"), world.Item("ar1", Arabic, ArabicLead));

        Assert.Equal((0, 1), (second.NewAlerts, second.UpdatedAlerts));
        await using var db = world.Database.Open();
        var only = await db.Alerts.Include(a => a.Article).SingleAsync();
        Assert.Equal(["Wire AR"], await AlsoReportedBy.LoadAsync(db, only.StoryId, only.Article!.SourceId, CancellationToken.None));
    }

    private static readonly float[] OneEvent = [0.12f, -0.5f, 0.33f, 0.8f, -0.05f, 0.2f, 0.41f, -0.27f];
}
