using NewsBot.Sources.Parsing;
using static NewsBot.TestKit.HostileFeeds;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>The poll's parse budget (the token) stops a parse of any format, between items and inside long loops.</summary>
public class ParseBudgetTests
{
    public static TheoryData<Format> AllFormats => new(Formats);

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void Spent_budget_stops_the_parse(Format format)
    {
        using var spent = new CancellationTokenSource();
        spent.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => FeedParser.Parse(ManyItems(format, 2_000, dated: true), null, null, spent.Token));
    }
}
