using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage;
using NewsBot.Storage.Entities;
using NewsBot.TestKit;

namespace NewsBot.IntegrationTests.Push;

/// <summary>
/// Two instances on one PostgreSQL database behind one callback URL: the hub's verification and its
/// deliveries reach the instance that did not send the request, which answers from the database.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TwoInstanceWebSubTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private PushedNewsSite _site = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _site = await PushedNewsSite.StartAsync();
        _site.Site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddHours(-3));
        _connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_instance_that_did_not_subscribe_answers_the_verification_and_ingests_the_delivery()
    {
        await using var first = await TestHost.StartAsync(DatabaseProvider.Postgres, _connectionString, _site.Settings());
        await Eventually.TrueAsync(() => _site.Hub.Requests.Count == 1, Wait, "the first instance asks the hub"); // verification held meanwhile
        await using var second = await TestHost.StartAsync(DatabaseProvider.Postgres, _connectionString, _site.Settings());
        _site.Route(second); // the load balancer sends every callback to the second instance

        await Eventually.TrueAsync(async () =>
        {
            await using var db = first.Db();
            return await db.PushSubscriptions.AnyAsync(p => p.State == PushState.Active);
        }, Wait, "the subscription is verified");
        await _site.Hub.SettledAsync();
        var verification = Assert.Single(_site.Hub.Verifications);
        Assert.True(verification.Confirmed);
        Assert.Equal(second.BaseAddress.Port, _site.Hub.RouteCallback(verification.Callback).Port);

        Assert.Equal([202], await _site.PublishAsync("push-1", "Ceasefire pushed through the other instance"));
        await Eventually.TrueAsync(async () =>
        {
            await using var db = first.Db();
            return await db.Articles.AnyAsync(a => a.Title == "Ceasefire pushed through the other instance");
        }, Wait, "the delivery is stored");
        await Eventually.TrueAsync(() => (first.Output.Text + second.Output.Text).Contains("Ceasefire pushed through the other instance", StringComparison.Ordinal),
            Wait, "the pushed item is alerted");
        Assert.Single(_site.Hub.Requests); // one subscription for both instances
    }
}
