using NewsBot.Core.Text;

namespace NewsBot.Core.Tests.Text;

/// <summary>Declared languages and typed ones become ISO 639-1 codes; anything else becomes nothing.</summary>
public class LanguageCodesTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("en-US", "en")]
    [InlineData("EN_gb", "en")]
    [InlineData("ar-SY", "ar")]
    [InlineData(" fr ", "fr")]
    [InlineData("zh-Hant-TW", "zh")]
    [InlineData("eng", "en")]
    [InlineData("ara", "ar")]
    [InlineData("English", "en")]
    [InlineData("iw", "he")]
    [InlineData("", null)]
    [InlineData("x-default", null)]
    [InlineData("und", null)]
    [InlineData("mul", null)]
    [InlineData("xx", null)]
    [InlineData("e1", null)]
    [InlineData("en US", null)]
    [InlineData("<script>", null)]
    [InlineData("English-language news", null)]
    public void Declared_tag_becomes_its_primary_language_or_nothing(string tag, string? code) =>
        Assert.Equal(code, LanguageCodes.FromTag(tag));

    [Fact]
    public void Declared_tag_longer_than_a_tag_is_not_read()
    {
        Assert.Null(LanguageCodes.FromTag("en-" + new string('a', 10_000)));
        Assert.Null(LanguageCodes.FromTag(new string('a', 1_000_000)));
    }

    [Theory]
    [InlineData("ar", "ar")]
    [InlineData("AR", "ar")]
    [InlineData("arabic", "ar")]
    [InlineData("Norwegian-Bokmal", "nb")]
    [InlineData("xx", null)]
    [InlineData("en-US", null)]
    [InlineData("a1", null)]
    public void Typed_language_is_a_code_or_an_english_name(string typed, string? code) =>
        Assert.Equal(code, LanguageCodes.Resolve(typed));
}
