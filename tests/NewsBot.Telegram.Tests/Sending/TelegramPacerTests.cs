using Microsoft.Extensions.Time.Testing;
using NewsBot.Telegram.Sending;

namespace NewsBot.Telegram.Tests.Sending;

public class TelegramPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    private TelegramPacer Pacer(TelegramPacingOptions? options = null) =>
        new(options ?? new TelegramPacingOptions { SafetyMargin = TimeSpan.Zero, MessagesPerSecond = 30 }, _time);

    [Fact]
    public void One_chat_gets_at_most_one_message_per_second()
    {
        var pacer = Pacer();
        var turns = Enumerable.Range(0, 5).Select(_ => pacer.ReserveTurn(42) - Start).ToList();
        Assert.Equal([0, 1, 2, 3, 4], turns.Select(t => Math.Round(t.TotalSeconds, 2)));
    }

    [Fact]
    public void The_bot_sends_at_most_30_messages_per_second_across_chats()
    {
        var pacer = Pacer();
        var turns = Enumerable.Range(1, 300).Select(chat => pacer.ReserveTurn(chat)).ToList();
        Assert.Equal(300, turns.Distinct().Count());
        Assert.InRange((turns.Max() - Start).TotalSeconds, 9.9, 10.0);
        Assert.All(turns, t => Assert.True(turns.Count(o => o >= t && o < t.AddSeconds(1)) <= 30));
    }

    [Fact]
    public void A_group_gets_at_most_20_messages_per_minute()
    {
        var pacer = Pacer();
        var turns = Enumerable.Range(0, 45).Select(_ => pacer.ReserveTurn(-100123)).ToList();
        Assert.Equal(TimeSpan.FromSeconds(19), turns[19] - Start);
        Assert.Equal(TimeSpan.FromSeconds(60), turns[20] - Start); // the 21st waits for the first to leave the window
        Assert.All(turns, t => Assert.True(turns.Count(o => o >= t && o < t.AddMinutes(1)) <= 20));
    }

    [Fact]
    public void A_busy_chat_does_not_delay_other_chats()
    {
        var pacer = Pacer();
        var busy = Enumerable.Range(0, 100).Select(_ => pacer.ReserveTurn(1)).ToList();
        var others = Enumerable.Range(2, 29).Select(chat => pacer.ReserveTurn(chat)).ToList();
        Assert.Equal(TimeSpan.FromSeconds(99), busy[^1] - Start);
        Assert.All(others, t => Assert.True(t - Start < TimeSpan.FromSeconds(1), $"another chat waited {t - Start}"));
    }

    [Fact]
    public async Task A_flood_pause_holds_turns_already_promised_until_it_ends()
    {
        var pacer = Pacer();
        await pacer.WaitTurnAsync(42, default); // now
        var second = pacer.WaitTurnAsync(42, default); // promised for +1 s
        pacer.PauseAll(TimeSpan.FromSeconds(10));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(second.IsCompleted);
        Assert.Equal(Start.AddSeconds(10), pacer.PausedUntil);
        _time.Advance(TimeSpan.FromSeconds(9));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(pacer.ReserveTurn(7) >= Start.AddSeconds(10));
    }

    [Fact]
    public async Task Waiting_needs_the_clock_to_reach_the_turn()
    {
        var pacer = Pacer();
        await pacer.WaitTurnAsync(42, default);
        var next = pacer.WaitTurnAsync(42, default);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Cancelled_wait_ends_at_once()
    {
        var pacer = Pacer();
        await pacer.WaitTurnAsync(42, default);
        using var cts = new CancellationTokenSource();
        var next = pacer.WaitTurnAsync(42, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    [Fact]
    public void Safety_margin_widens_per_chat_spacing_only()
    {
        var pacer = Pacer(new TelegramPacingOptions { SafetyMargin = TimeSpan.FromMilliseconds(50), MessagesPerSecond = 30 });
        Assert.Equal(Start, pacer.ReserveTurn(1));
        Assert.InRange(pacer.ReserveTurn(1) - Start, TimeSpan.FromSeconds(1.05), TimeSpan.FromSeconds(1.05 + 1.0 / 30));
        Assert.True(pacer.ReserveTurn(2) - Start < TimeSpan.FromMilliseconds(100));
    }
}
