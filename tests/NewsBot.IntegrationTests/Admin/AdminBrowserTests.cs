using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsBot.IntegrationTests.Infrastructure;

namespace NewsBot.IntegrationTests.Admin;

/// <summary>
/// The console in a real browser: Debian's headless Chromium driven by Playwright (its bundled
/// driver; no `playwright install`). Screenshots land in TestResults/screenshots next to the test binaries.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AdminBrowserTests(ITestOutputHelper output)
{
    public const string Chromium = "/usr/bin/chromium";
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    [SkippableChromiumFact]
    public async Task Admin_signs_in_adds_a_loopback_source_imports_opml_and_sees_the_activity_chart()
    {
        await using var site = await AdminSite.StartAsync();
        await AdminOpmlTests.SeedExistingAsync(site);
        site.News.MapContent("harbour.xml", new FeedBuilder()
            .Add("h1", "Ferry timetable changes", "<p>From Monday.</p>", DateTimeOffset.UtcNow.AddHours(-2))
            .Add("h2", "Harbour festival announced", "<p>In June.</p>", DateTimeOffset.UtcNow.AddHours(-1))
            .Build());
        Directory.CreateDirectory(Screenshots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { BaseURL = site.BaseUrl.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        try
        {
            await page.GotoAsync("admin/sources");
            Assert.Contains("/admin/login", page.Url);
            await page.FillAsync("input[name=pwd]", AdminSite.Password);
            await Shot(page, "1-sign-in");
            await page.ClickAsync("button:has-text('Sign in')");
            await page.WaitForURLAsync("**/admin/sources");

            await page.FillAsync("input[name=url]", site.News.Url("harbour.xml").ToString());
            await page.ClickAsync("button:has-text('Test fetch')");
            await Assertions.Expect(page.Locator("#test-fetch")).ToContainTextAsync("Test fetch found 2 items");
            await Assertions.Expect(page.Locator("ol.items")).ToContainTextAsync("Harbour festival announced");
            await Shot(page, "2-test-fetch");
            await page.FillAsync("input[name=name]", "Harbour Gazette");
            await page.ClickAsync("button:has-text('Save source')");
            await page.WaitForURLAsync("**/admin/sources?done=*");

            await Eventually.TrueAsync(async () =>
            {
                await using var db = site.Host.Db();
                return await db.Sources.AnyAsync(s => s.Name == "Harbour Gazette" && s.LastSuccessAt != null);
            }, TimeSpan.FromSeconds(30), "the added source is fetched");
            await page.ReloadAsync();
            var row = page.Locator("#sources tr", new() { HasText = "Harbour Gazette" });
            await Assertions.Expect(row.Locator("td.status-healthy")).ToHaveTextAsync("healthy");
            await Shot(page, "3-sources-healthy");

            await page.ClickAsync("nav >> text=OPML");
            var opml = Path.Combine(Path.GetTempPath(), $"newsbot-admin-{Guid.NewGuid():N}.opml");
            await File.WriteAllTextAsync(opml, AdminOpmlTests.Subscriptions(site.News.BaseUrl));
            try
            {
                await page.SetInputFilesAsync("input[type=file]", opml);
                await page.ClickAsync("button:has-text('Import')");
            }
            finally
            {
                File.Delete(opml);
            }
            await Assertions.Expect(page.Locator("#import-summary")).ToHaveTextAsync("Added 1, skipped 2 (duplicates), failed 3.");
            await Assertions.Expect(page.Locator("#added")).ToContainTextAsync("City Desk");
            await Shot(page, "4-opml-import");

            await Eventually.TrueAsync(async () =>
            {
                await using var db = site.Host.Db();
                return await db.Articles.CountAsync() >= 3;
            }, TimeSpan.FromSeconds(30), "the sources' articles are fetched");
            await page.ClickAsync("nav >> text=Activity");
            var chart = page.Locator("svg#chart-articles");
            await Assertions.Expect(chart).ToBeVisibleAsync();
            Assert.True(await chart.Locator("rect.bar").CountAsync() >= 1, "the articles chart has at least one bar");
            var box = await chart.Locator("rect.bar").First.BoundingBoxAsync();
            Assert.True(box is { Height: > 0, Width: > 0 }, "the bar is drawn with a size");
            await Shot(page, "5-activity");
        }
        catch
        {
            await Shot(page, "failure");
            throw;
        }
    }

    private async Task Shot(IPage page, string name)
    {
        var path = Path.Combine(Screenshots, $"admin-{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}

/// <summary>Runs only where Debian's chromium is installed (CI installs it: apt-get install -y chromium).</summary>
public sealed class SkippableChromiumFactAttribute : FactAttribute
{
    public SkippableChromiumFactAttribute()
    {
        if (!File.Exists(AdminBrowserTests.Chromium))
            Skip = $"{AdminBrowserTests.Chromium} is missing; install Debian's chromium (apt-get install -y chromium) to run the browser test";
    }
}
