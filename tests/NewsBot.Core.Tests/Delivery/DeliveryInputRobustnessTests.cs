using CsCheck;
using NewsBot.Core.Delivery;

namespace NewsBot.Core.Tests.Delivery;

/// <summary>Whatever a user types or a damaged column holds becomes a result or a message, never an exception.</summary>
public class DeliveryInputRobustnessTests
{
    private static readonly Gen<string> Typed = Gen.OneOf(
        Gen.String,
        Gen.Char["0123456789:.-–apm ,;/"].Array[0, 16].Select(c => new string(c)),
        Gen.Char["abcdefghijklmnopqrstuvwxyz_/ .+-"].Array[0, 24].Select(c => new string(c)));

    [Theory]
    [InlineData("digest")]
    [InlineData("quiet")]
    [InlineData("timezone")]
    [InlineData("limit")]
    public void Any_argument_text_parses_or_explains(string command) =>
        Typed.Sample(args =>
        {
            var result = DeliveryCommandParser.Parse(command, args);
            Assert.True(result is DeliveryParseResult.Parsed || result is DeliveryParseResult.Invalid { Problem.Parts.Count: > 0 });
        }, iter: 2000);

    [Fact]
    public void Any_stored_text_reads_or_explains() =>
        Gen.OneOf(Typed, Typed.Select(v => "digest=" + v), Typed.Select(v => "quiet=" + v + ";limit=" + v)).Sample(stored =>
        {
            if (!DeliveryPreferencesText.TryParse(stored, out var prefs, out var problem))
            {
                Assert.NotEmpty(problem);
                Assert.Equal(DeliveryPreferences.Default, prefs);
            }
        }, iter: 2000);
}
