using Microsoft.EntityFrameworkCore;
using NewsBot.Storage.Entities;

namespace NewsBot.Tests.Infrastructure;

public sealed class TestDatabaseTests
{
    [Fact]
    public async Task Rows_written_through_one_context_are_read_through_another_and_gone_with_the_database()
    {
        long id;
        await using (var database = await TestDatabase.CreateAsync())
        {
            await using (var db = database.Open())
            {
                db.Chats.Add(new Chat { Platform = "console", ExternalId = "x", Title = "t", CreatedAt = DateTime.UtcNow });
                await db.SaveChangesAsync();
            }
            await using (var db = database.Open()) id = (await db.Chats.SingleAsync()).Id;
        }
        await using var fresh = await TestDatabase.CreateAsync();
        await using var other = fresh.Open();
        Assert.False(await other.Chats.AnyAsync(c => c.Id == id));
    }
}
