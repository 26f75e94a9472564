using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsBot.Pipeline.Ingest;

namespace NewsBot.Tests.Configuration;

/// <summary>NewsBot:Languages: bound and validated at start with the key's name.</summary>
public sealed class LanguageSettingsTests
{
    private static LanguageOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddNewsBotLanguages();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<LanguageOptions>>().Value;
    }

    [Fact]
    public void Configured_languages_replace_the_default_set_rather_than_adding_to_it()
    {
        var options = Bind(("NewsBot:Languages:AlsoConsider:0", "en"), ("NewsBot:Languages:AlsoConsider:1", "ar"));
        Assert.Equal(["en", "ar"], options.Considered);
        Assert.Equal(LanguageOptions.DefaultAlsoConsider, Bind().Considered);
    }

    [Theory]
    [InlineData("NewsBot:Languages:AlsoConsider:0", "xx", "NewsBot:Languages:AlsoConsider: 'xx' is not an ISO 639-1 code the detector knows")]
    [InlineData("NewsBot:Languages:AlsoConsider:0", "ps", "NewsBot:Languages:AlsoConsider: 'ps' is not an ISO 639-1 code the detector knows")]
    [InlineData("NewsBot:Languages:MaxChars", "5", "NewsBot:Languages:MaxChars must be between 20 and 100000 (got 5)")]
    public void Invalid_setting_is_refused_naming_the_key(string key, string value, string message)
    {
        var e = Assert.Throws<OptionsValidationException>(() => Bind((key, value)));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }
}
