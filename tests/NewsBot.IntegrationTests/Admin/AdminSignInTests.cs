using System.Net;
using NewsBot.IntegrationTests.Infrastructure;

namespace NewsBot.IntegrationTests.Admin;

/// <summary>Who gets into /admin: nobody without a configured password, only the password holder with it.</summary>
[Collection(HostCollection.Name)]
public sealed class AdminSignInTests
{
    public static readonly string[] Pages =
    [
        "admin", "admin/sources", "admin/sources/1", "admin/opml", "admin/opml/export", "admin/chats", "admin/chats?q=x",
        "admin/chats/1", "admin/activity", "admin/jobs", "admin/jobs/jobs/succeeded",
    ];

    [Fact]
    public async Task Console_is_off_without_a_configured_password()
    {
        await using var site = await AdminSite.StartAsync(new Dictionary<string, string?> { ["NewsBot:Admin:Password"] = null });
        foreach (var page in Pages.Append("admin/login").Append("admin/admin.css"))
        {
            using var response = await site.Client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{page} answered {(int)response.StatusCode}");
        }
        using var post = await site.Client.PostAsync("admin/login", new FormUrlEncodedContent([KeyValuePair.Create("pwd", "")]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task Every_admin_page_and_form_sends_a_visitor_without_sign_in_to_the_sign_in_page()
    {
        await using var site = await AdminSite.StartAsync();
        foreach (var page in Pages)
        {
            using var response = await site.Client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page} answered {(int)response.StatusCode}");
            Assert.StartsWith("/admin/login", response.Headers.Location!.AbsolutePath);
        }
        foreach (var form in new[] { "admin/sources/preview", "admin/sources/add", "admin/sources/1", "admin/sources/1/delete" })
        {
            using var response = await site.PostFormAsync(form, "admin/login", ("url", site.News.Url("feed.xml").ToString()), ("name", "x"));
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"POST {form} answered {(int)response.StatusCode}");
        }
        using var upload = new MultipartFormDataContent
        {
            { new StringContent("<opml version=\"2.0\"><body><outline xmlUrl=\"" + site.News.Url("feed.xml") + "\"/></body></opml>"), "file", "a.opml" },
            { new StringContent(await site.TokenFromAsync("admin/login")), "__RequestVerificationToken" },
        };
        using (var import = await site.Client.PostAsync("admin/opml/import", upload))
            Assert.True(import.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"POST admin/opml/import answered {(int)import.StatusCode}");
        await using var db = site.Host.Db();
        Assert.Empty(db.Sources);
    }

    [Fact]
    public async Task Right_password_signs_in_with_an_http_only_strict_cookie_and_wrong_password_is_refused()
    {
        await using var site = await AdminSite.StartAsync();
        using (var wrong = await site.SignInAsync("Correct horse battery staple"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("Wrong password.", await wrong.Content.ReadAsStringAsync());
        }
        using (var stillOut = await site.Client.GetAsync("admin/sources"))
            Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);

        using var right = await site.SignInAsync();
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var cookie = right.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("NewsBotAdmin=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("path=/admin", cookie);
        Assert.DoesNotContain("secure", cookie); // plain http here; over https the cookie is Secure (SameAsRequest)
        using var page = await site.Client.GetAsync("admin/sources");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var jobs = await site.Client.GetAsync("admin/jobs");
        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        Assert.Contains("NewsBot jobs", await jobs.Content.ReadAsStringAsync());
        using (var forgedJobAction = await site.Client.PostAsync("admin/jobs/recurring/trigger", new FormUrlEncodedContent([KeyValuePair.Create("jobs[]", "x")])))
            Assert.False(forgedJobAction.IsSuccessStatusCode, $"a dashboard action without antiforgery token answered {(int)forgedJobAction.StatusCode}");

        using var signOut = await site.PostFormAsync("admin/logout", "admin/sources");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var afterSignOut = await site.Client.GetAsync("admin/sources");
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_address_out_even_for_the_right_password()
    {
        await using var site = await AdminSite.StartAsync();
        for (var i = 1; i <= 4; i++)
        {
            using var wrong = await site.SignInAsync("guess " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using (var fifth = await site.SignInAsync("guess 5"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
            Assert.Contains("Too many failed sign-ins from your address", await fifth.Content.ReadAsStringAsync());
        }
        using var right = await site.SignInAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        using var page = await site.Client.GetAsync("admin/sources");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task Password_hash_setting_accepts_the_password_it_was_made_from()
    {
        await using var site = await AdminSite.StartAsync(new Dictionary<string, string?>
        {
            ["NewsBot:Admin:Password"] = null,
            ["NewsBot:Admin:PasswordHash"] = NewsBot.Admin.AdminPassword.Hash("s3cret admin"),
        });
        using (var wrong = await site.SignInAsync(AdminSite.Password))
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var right = await site.SignInAsync("s3cret admin");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task Form_posts_without_the_antiforgery_token_are_refused()
    {
        await using var site = await AdminSite.StartAsync();
        using (var login = await site.Client.PostAsync("admin/login", new FormUrlEncodedContent([KeyValuePair.Create("pwd", AdminSite.Password)])))
            Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        await site.SignInOkAsync();

        var feed = site.News.Url("feed.xml").ToString();
        site.News.MapContent("feed.xml", new FeedBuilder().Add("a", "A headline", "<p>x</p>", DateTimeOffset.UtcNow).Build());
        using var add = await site.Client.PostAsync("admin/sources/add", new FormUrlEncodedContent(
            [KeyValuePair.Create("url", feed), KeyValuePair.Create("name", "Forged")]));
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Contains("security token was missing or out of date", await add.Content.ReadAsStringAsync());
        using var wrongToken = await site.Client.PostAsync("admin/sources/add", new FormUrlEncodedContent(
            [KeyValuePair.Create("url", feed), KeyValuePair.Create("name", "Forged"), KeyValuePair.Create("__RequestVerificationToken", "forged")]));
        Assert.Equal(HttpStatusCode.BadRequest, wrongToken.StatusCode);
        await using var db = site.Host.Db();
        Assert.Empty(db.Sources);
    }

    [Fact]
    public async Task Setting_both_password_and_hash_stops_start_up_naming_the_keys()
    {
        var e = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => AdminSite.StartAsync(new Dictionary<string, string?>
        {
            ["NewsBot:Admin:PasswordHash"] = NewsBot.Admin.AdminPassword.Hash("other"),
        }));
        Assert.Contains("NewsBot:Admin: set Password or PasswordHash, not both", e.Message);
    }
}
