namespace NewsBot.IntegrationTests.Infrastructure;

/// <summary>Waits for a condition the service reaches asynchronously, failing with a message after a deadline.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out after {timeout.TotalSeconds:0} s waiting until {because}");
            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string because) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, because);
}
