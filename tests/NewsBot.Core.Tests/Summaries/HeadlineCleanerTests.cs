using NewsBot.Core.Summaries;

namespace NewsBot.Core.Tests.Summaries;

public sealed class HeadlineCleanerTests
{
    [Theory]
    [InlineData("Fed holds rates steady - Reuters", null, "Fed holds rates steady")]
    [InlineData("Progress in ceasefire talks | Al Mayadeen English", "Al Mayadeen", "Progress in ceasefire talks")]
    [InlineData("Progress in ceasefire talks | Al Mayadeen English", null, "Progress in ceasefire talks")]
    [InlineData("Storm hits coast – The Guardian", null, "Storm hits coast")]
    [InlineData("Storm hits coast - Coastal Herald", null, "Storm hits coast")]
    [InlineData("Rates rise again - example.com", null, "Rates rise again")]
    [InlineData("Bike lanes approved - Metro", "Metro Daily", "Bike lanes approved")]
    [InlineData("Markets slide | World News | Sky News", null, "Markets slide")]
    [InlineData("Gaza talks resume - live updates", null, "Gaza talks resume - live updates")]
    [InlineData("Apple earnings | Q3 2024", null, "Apple earnings | Q3 2024")]
    [InlineData("Two killed in crash - police", null, "Two killed in crash - police")]
    [InlineData("Fed - Reuters", null, "Fed - Reuters")]
    [InlineData("Exclusive: Progress is being made in ceasefire talks, modest however", "Al Mayadeen", "Exclusive: Progress is being made in ceasefire talks, modest however")]
    public void Removes_site_name_tails_and_keeps_meaningful_ones(string title, string? source, string expected)
    {
        Assert.Equal(expected, HeadlineCleaner.Clean(title, source));
    }

    [Theory]
    [InlineData("Stocks rally &amp; bonds fall", "Stocks rally & bonds fall")]
    [InlineData("Tesla&amp;#8217;s profit drops", "Tesla’s profit drops")]
    [InlineData("  Rates\n   rise\tagain  ", "Rates rise again")]
    [InlineData("<b>Breaking</b> news arrives", "Breaking news arrives")]
    [InlineData("S&amp;P 500 &lt; 5,000 for first time", "S&P 500 < 5,000 for first time")]
    public void Decodes_entities_and_collapses_whitespace(string title, string expected)
    {
        Assert.Equal(expected, HeadlineCleaner.Clean(title));
    }
}
