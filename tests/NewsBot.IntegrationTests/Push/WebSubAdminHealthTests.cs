using NewsBot.IntegrationTests.Admin;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage.Entities;

namespace NewsBot.IntegrationTests.Push;

/// <summary>The admin console's source list shows each source's push state next to its health.</summary>
[Collection(HostCollection.Name)]
public sealed class WebSubAdminHealthTests
{
    [Fact]
    public async Task The_source_list_shows_an_active_and_a_denied_subscription()
    {
        await using var site = await AdminSite.StartAsync();
        await using (var db = site.Host.Db())
        {
            var later = DateTime.UtcNow.AddHours(1); // not polled during the test
            var pushed = new Source { Name = "Pushed Wire", Url = site.News.Url("pushed.xml").ToString(), NextPollAt = later, CreatedAt = DateTime.UtcNow };
            var refused = new Source { Name = "Refused Wire", Url = site.News.Url("refused.xml").ToString(), NextPollAt = later, CreatedAt = DateTime.UtcNow };
            db.Sources.AddRange(pushed, refused);
            await db.SaveChangesAsync();
            db.PushSubscriptions.AddRange(
                new PushSubscription
                {
                    SourceId = pushed.Id, CallbackId = "a1", Secret = "s", HubUrl = "https://hub.example.com/", Topic = pushed.Url,
                    State = PushState.Active, ActiveUntil = new DateTime(2026, 12, 16, 9, 30, 0, DateTimeKind.Utc), CreatedAt = DateTime.UtcNow,
                },
                new PushSubscription
                {
                    SourceId = refused.Id, CallbackId = "b2", Secret = "s", HubUrl = "https://hub.example.net/", Topic = refused.Url,
                    State = PushState.Denied, LastError = "<b>not</b> on this hub", CreatedAt = DateTime.UtcNow,
                });
            await db.SaveChangesAsync();
        }
        await site.SignInOkAsync();

        var list = await site.Client.GetStringAsync("admin/sources");

        Assert.Contains("push via hub.example.com: active until 2026-12-16 09:30 UTC", list, StringComparison.Ordinal);
        Assert.Contains("push via hub.example.net: denied: &lt;b&gt;not&lt;/b&gt; on this hub", list, StringComparison.Ordinal); // a hub's words, escaped
    }
}
