using NewsBot.Core.Alerts;
using NewsBot.Discord.Rendering;
using NewsBot.Discord.Sending;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>One alert as one embed, within Discord's embed limits (resources/message.mdx "Embed Limits").</summary>
public sealed class AlertEmbedRendererTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Published = new(2026, 11, 29, 7, 5, 0, TimeSpan.FromHours(2));

    private static AlertContent Alert(string headline = "Storm closes ports", string summary = "Ports closed.", string? link = "https://news.example/storm",
        IReadOnlyList<string>? terms = null, string source = "Wire") => new(headline, summary, source, Published, link, terms ?? ["storm", "ports"]);

    [Fact]
    public void Alert_becomes_a_linked_title_summary_and_footer_with_source_time_and_terms()
    {
        var embed = AlertEmbedRenderer.RenderEmbed(Alert());

        Assert.Equal("Storm closes ports", embed.Title);
        Assert.Equal("https://news.example/storm", embed.Url);
        Assert.Equal("Ports closed.", embed.Description);
        Assert.Equal("Wire · 2026-11-29 05:05 UTC · matched: storm, ports", embed.Footer!.Text);
        Assert.Equal("2026-11-29T05:05:00Z", embed.Timestamp);
    }

    [Fact]
    public void Message_never_pings_anyone()
    {
        var message = AlertEmbedRenderer.Render(Alert(headline: "@everyone look"));

        Assert.Empty(message.AllowedMentions!.Parse);
        Assert.Single(message.Embeds!);
    }

    [Theory]
    [InlineData(300, 10, 0, 256, 10)]
    [InlineData(10, 5000, 0, 10, 4096)]
    [InlineData(256, 4096, 2100, 256, 6000 - 256 - 2048)] // the summary gives way so the total stays 6,000
    public void Long_fields_are_cut_to_the_limits(int headline, int summary, int footerTerms, int titleLength, int descriptionLength)
    {
        var terms = footerTerms == 0 ? new[] { "x" } : [new string('t', footerTerms)];
        var embed = AlertEmbedRenderer.RenderEmbed(Alert(new string('h', headline), new string('s', summary), terms: terms));

        Assert.Equal(titleLength, embed.Title!.Length);
        Assert.Equal(descriptionLength, embed.Description!.Length);
        Assert.True(embed.Footer!.Text.Length <= EmbedLimits.FooterText);
        Assert.True(embed.Title.Length + embed.Description.Length + embed.Footer.Text.Length <= EmbedLimits.Total);
        if (headline > titleLength) Assert.EndsWith("…", embed.Title);
    }

    [Fact]
    public void Limits_count_after_trimming_whitespace()
    {
        var embed = AlertEmbedRenderer.RenderEmbed(Alert(headline: "   " + new string('h', 256) + "\n\n  "));

        Assert.Equal(new string('h', 256), embed.Title);
    }

    [Fact]
    public void Cutting_never_splits_a_surrogate_pair()
    {
        var embed = AlertEmbedRenderer.RenderEmbed(Alert(headline: new string('h', 254) + "😀😀😀"));

        // 254 letters + the first emoji's high surrogate would be 255; the pair is dropped whole instead.
        Assert.Equal(new string('h', 254) + "…", embed.Title);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/path")]
    [InlineData("")]
    [InlineData(null)]
    public void Link_that_is_not_http_is_left_out(string? link) =>
        Assert.Null(AlertEmbedRenderer.RenderEmbed(Alert(link: link)).Url);

    [Fact]
    public void Empty_headline_and_summary_still_make_a_valid_embed()
    {
        var embed = AlertEmbedRenderer.RenderEmbed(new AlertContent("  ", "", "", null, null, []));

        Assert.Equal("(untitled)", embed.Title);
        Assert.Null(embed.Description);
        Assert.Equal("NewsBot", embed.Footer!.Text);
    }

    [Fact]
    public async Task Largest_possible_alert_is_accepted_by_Discord()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        var huge = Alert(new string('h', 1000), new string('s', 10_000), terms: [.. Enumerable.Range(0, 500).Select(i => "term" + i)]);

        var outcome = await new DiscordAlertSender(rig.Rest).SendAsync("1800000000000000001", huge, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
    }
}
