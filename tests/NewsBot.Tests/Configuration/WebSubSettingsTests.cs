using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Startup;

namespace NewsBot.Tests.Configuration;

/// <summary>NewsBot:WebSub through the real host's options: validated at start with the key's name.</summary>
public sealed class WebSubSettingsTests
{
    private static WebApplication Build(params (string Key, string Value)[] settings) =>
        NewsBotHost.Build([], builder =>
        {
            builder.Configuration.Sources.Clear();
            var config = new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["NewsBot:Database:Provider"] = "Sqlite",
                ["NewsBot:Database:ConnectionString"] = "Data Source=:memory:",
            };
            foreach (var (key, value) in settings) config[key] = value;
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddKeyedSingleton<TextWriter>("console", TextWriter.Null);
        });

    [Fact]
    public void Push_is_off_by_default_with_documented_lease_and_safety_interval()
    {
        using var app = Build();
        var o = app.Services.GetRequiredService<IOptions<WebSubOptions>>().Value;
        Assert.False(o.Enabled);
        Assert.Equal(864000, o.LeaseSeconds);
        Assert.Equal(TimeSpan.FromHours(1), o.SafetyPollInterval);
    }

    [Theory]
    [InlineData("https://newsbot.example.org/")]
    [InlineData("https://newsbot.example.org/bot")]
    [InlineData("http://127.0.0.1:8080/")]
    public void A_public_https_or_a_loopback_http_callback_is_accepted(string url)
    {
        using var app = Build(("NewsBot:WebSub:CallbackBaseUrl", url));
        Assert.True(app.Services.GetRequiredService<IOptions<WebSubOptions>>().Value.Enabled);
    }

    [Theory]
    [InlineData("NewsBot:WebSub:CallbackBaseUrl", "http://newsbot.example.org/", "NewsBot:WebSub:CallbackBaseUrl must be https")]
    [InlineData("NewsBot:WebSub:CallbackBaseUrl", "https://newsbot.example.org/?a=b", "NewsBot:WebSub:CallbackBaseUrl must be an absolute URL")]
    [InlineData("NewsBot:WebSub:LeaseSeconds", "10", "NewsBot:WebSub:LeaseSeconds must be between 60")]
    [InlineData("NewsBot:WebSub:SafetyPollInterval", "00:00:00", "NewsBot:WebSub:SafetyPollInterval must be at least")]
    public void A_bad_setting_stops_the_start_naming_its_key(string key, string value, string message)
    {
        // Building maps the callback only when push is on, so the options are read (and refused) there already.
        var e = Assert.Throws<OptionsValidationException>(() =>
        {
            using var app = Build(("NewsBot:WebSub:CallbackBaseUrl", "https://newsbot.example.org/"), (key, value));
            return app.Services.GetRequiredService<IOptions<WebSubOptions>>().Value;
        });
        Assert.Contains(message, string.Join("; ", e.Failures), StringComparison.Ordinal);
    }
}
