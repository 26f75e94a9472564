using NewsBot.Core.SourceHealth;

namespace NewsBot.Core.Tests.SourceHealth;

public sealed class DependentChatsTests
{
    private static readonly SourceIdentity Reuters = new(1, "Reuters World", "feeds.reuters.com");
    private static readonly SourceIdentity Bbc = new(2, "BBC News", "feeds.bbci.co.uk");
    private static readonly SourceIdentity Local = new(3, "City Paper", "citypaper.example");
    private static readonly IReadOnlyList<SourceIdentity> All = [Reuters, Bbc, Local];

    private static IReadOnlyList<long> Dependent(IReadOnlyList<SourceIdentity> sources, params ChatReach[] chats) =>
        DependentChats.Of(Reuters, sources, chats);

    private static ChatReach Chat(long id, string[] filters, params long[] recentAlertSources) => new(id, filters, recentAlertSources);

    [Theory]
    [InlineData("ceasefire source:reuters", true)]
    [InlineData("ceasefire source:feeds.reuters", true)]              // the host counts too
    [InlineData("(ceasefire source:reuters) OR (truce source:bbc)", false)]
    [InlineData("ceasefire source:news", false)]                        // "news" is in "Reuters World"? no, but in "BBC News"
    [InlineData("ceasefire", false)]                                    // any source, and no alert history
    [InlineData("ceasefire -source:bbc", false)]                        // still reaches the city paper
    [InlineData("ceasefire source:bbc", false)]                         // cannot hear from Reuters at all
    public void Filters_alone_decide_when_they_pin_the_chat_to_sources(string filter, bool dependent)
    {
        Assert.Equal(dependent, Dependent(All, Chat(10, [filter])).Contains(10));
    }

    [Fact]
    public void Every_filter_must_be_pinned_to_the_failing_source()
    {
        Assert.Single(Dependent(All, Chat(10, ["ceasefire source:reuters", "title:gaza source:reuters"])));
        Assert.Empty(Dependent(All, Chat(10, ["ceasefire source:reuters", "football source:bbc"])));
    }

    [Fact]
    public void With_a_single_source_every_chat_that_can_match_it_depends_on_it()
    {
        Assert.Equal([10, 11], Dependent([Reuters], Chat(10, ["ceasefire"]), Chat(11, ["football"]), Chat(12, [])));
    }

    [Fact]
    public void Paused_sources_are_not_counted_as_other_sources()
    {
        // The caller passes only the active sources; the BBC is paused here.
        Assert.Single(Dependent([Reuters, Local], Chat(10, ["(ceasefire source:reuters) OR (ceasefire source:bbc)"])));
    }

    [Fact]
    public void An_unrestricted_chat_whose_recent_alerts_all_came_from_the_source_depends_on_it()
    {
        Assert.Equal([10], Dependent(All,
            Chat(10, ["ceasefire"], Reuters.Id),
            Chat(11, ["ceasefire"], Reuters.Id, Bbc.Id),    // also hears from the BBC
            Chat(12, ["ceasefire"], Bbc.Id),
            Chat(13, ["ceasefire"])));                       // nothing recently: no evidence either way
    }

    [Fact]
    public void Alert_history_does_not_count_when_the_filters_can_no_longer_match_the_source()
    {
        Assert.Empty(Dependent(All, Chat(10, ["ceasefire source:bbc"], Reuters.Id)));
    }

    [Fact]
    public void Filters_that_no_longer_parse_are_ignored()
    {
        Assert.Single(Dependent(All, Chat(10, ["\"unclosed", "ceasefire source:reuters"])));
        Assert.Empty(Dependent(All, Chat(10, ["\"unclosed"])));
    }

    [Fact]
    public void A_source_missing_from_the_active_list_is_still_considered()
    {
        Assert.Single(Dependent([Bbc, Local], Chat(10, ["ceasefire source:reuters"])));
    }
}
