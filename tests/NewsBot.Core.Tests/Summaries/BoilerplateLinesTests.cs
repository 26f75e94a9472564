using NewsBot.Core.Summaries;

namespace NewsBot.Core.Tests.Summaries;

public sealed class BoilerplateLinesTests
{
    private const string Headline = "Senate passes $95 billion aid package";

    [Theory]
    [InlineData("Read more: Day 110 in Gaza: 25,700 martyred")]
    [InlineData("READ ALSO: Markets slide")]
    [InlineData("Follow us on X and Facebook")]
    [InlineData("Subscribe to our newsletter")]
    [InlineData("Sign up for breaking news alerts")]
    [InlineData("Copyright 2024 The Associated Press. All rights reserved.")]
    [InlineData("© Le Monde 2024")]
    [InlineData("(REUTERS/Kim Kyung-Hoon)")]
    [InlineData("Photo by Kevin Dietsch/Getty Images")]
    [InlineData("Kevin Dietsch via Getty Images")]
    [InlineData("Reporting by Kantaro Komiya; Editing by Sam Holmes")]
    [InlineData("The post Bike lanes approved appeared first on Metro Daily.")]
    [InlineData("[…]")]
    [InlineData("Comments (12)")]
    [InlineData("اقرأ أيضاً: الأرصاد تحذر من أمطار غزيرة")]
    [InlineData("تابعونا على تلغرام")]
    [InlineData("קראו עוד: מחירי הדירות עלו")]
    [InlineData("צילום: פלאש 90")]
    [InlineData("À lire aussi : Les syndicats appellent à la grève")]
    [InlineData("Abonnez-vous à notre newsletter")]
    [InlineData("Lea también: El Congreso aprueba la reforma")]
    [InlineData("Lesen Sie auch: Die Bahn streikt")]
    [InlineData("Senate passes $95 billion aid package")]
    [InlineData("SENATE PASSES $95 BILLION AID PACKAGE!")]
    public void Drops_prompts_credits_and_headline_repeats(string line)
    {
        Assert.True(BoilerplateLines.IsBoilerplate(line, Headline));
    }

    [Theory]
    [InlineData("Subscribers to the service will pay $5 more from March, the company said.")]
    [InlineData("Reuters reported that the talks had stalled over the release of prisoners.")]
    [InlineData("The Senate passed a $95 billion aid package for Ukraine, Israel and Taiwan on Tuesday.")]
    [InlineData("Following the vote, the bill goes to the House.")]
    [InlineData("Copyright lawsuits by authors against AI companies have multiplied this year, with at least a dozen cases now pending before federal courts in New York and California, and more expected as publishers join them in seeking damages.")]
    public void Keeps_news_that_starts_like_a_prompt(string line)
    {
        Assert.False(BoilerplateLines.IsBoilerplate(line, Headline));
    }
}
