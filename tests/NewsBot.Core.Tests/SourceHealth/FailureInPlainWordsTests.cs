using NewsBot.Core.SourceHealth;

namespace NewsBot.Core.Tests.SourceHealth;

public sealed class FailureInPlainWordsTests
{
    [Fact]
    public void A_feed_cut_off_by_its_parse_budget_is_said_in_plain_words()
    {
        var text = FailureInPlainWords.Describe("feed too large/complex: parsing took longer than 10 s; 1,200 of 20,000 items read");

        Assert.Equal("the feed is too large or complex to read in time (feed too large/complex: parsing took longer than 10 s; 1,200 of 20,000 items read)", text);
    }
}
