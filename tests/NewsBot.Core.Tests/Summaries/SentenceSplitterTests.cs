using NewsBot.Core.Summaries;

namespace NewsBot.Core.Tests.Summaries;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("The U.S. Senate passed it. The vote was 70-29.", "The U.S. Senate passed it.|The vote was 70-29.")]
    [InlineData("Dr. Smith arrived on Jan. 5 at 3 p.m. He left at dusk.", "Dr. Smith arrived on Jan. 5 at 3 p.m.|He left at dusk.")]
    [InlineData("Deaths rose to 25,700. Officials said 3.5 million fled.", "Deaths rose to 25,700.|Officials said 3.5 million fled.")]
    [InlineData("He said \"we will win.\" Then he left.", "He said \"we will win.\"|Then he left.")]
    [InlineData("\"Is it over?\" he asked. Nobody answered.", "\"Is it over?\" he asked.|Nobody answered.")]
    [InlineData("Wait... what happened? Nobody knows.", "Wait... what happened?|Nobody knows.")]
    [InlineData("It ended… Then silence.", "It ended…|Then silence.")]
    [InlineData("Shares of Apple Inc. rose 2% in New York.", "Shares of Apple Inc. rose 2% in New York.")]
    [InlineData("U.S. forces left the base. The Pentagon declined to comment.", "U.S. forces left the base.|The Pentagon declined to comment.")]
    [InlineData("The talks were held in the U.S. The next round is in Cairo.", "The talks were held in the U.S.|The next round is in Cairo.")]
    [InlineData("J. K. Rowling spoke on Monday.", "J. K. Rowling spoke on Monday.")]
    [InlineData("Visit example.com. It has details.", "Visit example.com.|It has details.")]
    [InlineData("قال المسؤول، إن المحادثات مستمرة. هل من اتفاق؟ لا أحد يعرف.", "قال المسؤول، إن المحادثات مستمرة.|هل من اتفاق؟|لا أحد يعرف.")]
    [InlineData("یہ پہلا جملہ ہے۔ یہ دوسرا ہے۔", "یہ پہلا جملہ ہے۔|یہ دوسرا ہے۔")]
    [InlineData("צה\"ל הודיע על תקיפה. הדובר אמר כי היא הסתיימה.", "צה\"ל הודיע על תקיפה.|הדובר אמר כי היא הסתיימה.")]
    [InlineData("地震が発生した。津波注意報が出された。", "地震が発生した。|津波注意報が出された。")]
    [InlineData("« Nous irons jusqu'au bout. » M. Dupont l'a dit.", "« Nous irons jusqu'au bout. »|M. Dupont l'a dit.")]
    public void Splits_on_sentence_ends_only(string paragraph, string expected)
    {
        Assert.Equal(expected.Split('|'), SentenceSplitter.Split(paragraph));
    }

    [Fact]
    public void Text_without_a_terminator_is_one_sentence()
    {
        Assert.Equal(["Breaking news without a full stop"], SentenceSplitter.Split("Breaking news without a full stop"));
    }
}
