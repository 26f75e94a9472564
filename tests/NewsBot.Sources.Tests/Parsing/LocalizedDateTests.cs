using NewsBot.Sources.Parsing.Dates;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>Dates written with month and weekday names of the common news languages, as their feeds write them.</summary>
public class LocalizedDateTests
{
    [Theory]
    // pt (Brazilian portals write the RFC 822 shape in Portuguese)
    [InlineData("Seg, 24 Set 2018 10:00:00 -0300", "2018-09-24T13:00:00Z")]
    [InlineData("Sáb, 02 Mar 2024 08:15:00 -0300", "2024-03-02T11:15:00Z")]
    [InlineData("qua, 07 fev 2024 18:00:00 GMT", "2024-02-07T18:00:00Z")]
    [InlineData("24 de setembro de 2018 10:00", "2018-09-24T10:00:00Z")]
    [InlineData("Terça-feira, 5 Março 2024 09:30:00 -0300", "2024-03-05T12:30:00Z")]
    // es
    [InlineData("Lun, 24 Sep 2018 10:00:00 +0200", "2018-09-24T08:00:00Z")]
    [InlineData("mar., 05 mar. 2024 10:00:00 +0100", "2024-03-05T09:00:00Z")]
    [InlineData("Mar, 24 Dic 2024 10:00:00 +0100", "2024-12-24T09:00:00Z")]
    [InlineData("miércoles, 10 de enero de 2024 14:00:00 +0100", "2024-01-10T13:00:00Z")]
    // fr
    [InlineData("lun., 24 sept. 2018 10:00:00 +0200", "2018-09-24T08:00:00Z")]
    [InlineData("Mer, 14 févr. 2024 07:00:00 +0100", "2024-02-14T06:00:00Z")]
    [InlineData("Jeu, 1 août 2024 12:00:00 GMT", "2024-08-01T12:00:00Z")]
    [InlineData("vendredi 20 décembre 2024 09:00", "2024-12-20T09:00:00Z")]
    // de
    [InlineData("Mo, 24 Sep 2018 10:00:00 +0200", "2018-09-24T08:00:00Z")]
    [InlineData("Di, 05. März 2024 10:00:00 +0100", "2024-03-05T09:00:00Z")]
    [InlineData("Do, 03 Okt 2024 10:00:00 MESZ", "2024-10-03T08:00:00Z")]
    [InlineData("Freitag, 27. Dezember 2024 18:00", "2024-12-27T18:00:00Z")]
    // it
    [InlineData("Lun, 24 Set 2018 10:00:00 +0200", "2018-09-24T08:00:00Z")]
    [InlineData("Gio, 16 Mag 2024 10:00:00 +0200", "2024-05-16T08:00:00Z")]
    [InlineData("martedì 2 gennaio 2024 10:00", "2024-01-02T10:00:00Z")]
    // nl
    [InlineData("ma, 24 sep 2018 10:00:00 +0200", "2018-09-24T08:00:00Z")]
    [InlineData("Wo, 13 mrt 2024 10:00:00 +0100", "2024-03-13T09:00:00Z")]
    [InlineData("vrijdag 31 mei 2024 22:00", "2024-05-31T22:00:00Z")]
    // ru
    [InlineData("Пн, 24 сен 2018 10:00:00 +0300", "2018-09-24T07:00:00Z")]
    [InlineData("24 сентября 2018 г., 10:00", "2018-09-24T10:00:00Z")]
    [InlineData("Ср, 06 мар. 2024 10:00:00 MSK", "2024-03-06T07:00:00Z")]
    // tr
    [InlineData("Pzt, 24 Eyl 2018 10:00:00 +0300", "2018-09-24T07:00:00Z")]
    [InlineData("Çarşamba, 14 Şubat 2024 10:00:00 +0300", "2024-02-14T07:00:00Z")]
    [InlineData("CUMA, 17 MAYIS 2024 09:00:00 +0300", "2024-05-17T06:00:00Z")]
    // pl
    [InlineData("pon, 24 wrz 2018 10:00:00 +0200", "2018-09-24T08:00:00Z")]
    [InlineData("Śr, 16 paź 2024 10:00:00 +0200", "2024-10-16T08:00:00Z")]
    [InlineData("piątek, 1 marca 2024 10:00", "2024-03-01T10:00:00Z")]
    // id / ms
    [InlineData("Sen, 24 Sep 2018 10:00:00 +0700", "2018-09-24T03:00:00Z")]
    [InlineData("Kamis, 15 Agustus 2024 10:00:00 WIB", "2024-08-15T03:00:00Z")]
    [InlineData("Isnin, 2 Disember 2024 10:00:00 +0800", "2024-12-02T02:00:00Z")]
    [InlineData("Rabu, 06 Mac 2024 10:00:00 +0800", "2024-03-06T02:00:00Z")]
    // sv / da / no
    [InlineData("mån, 24 sep 2018 10:00:00 +0200", "2018-09-24T08:00:00Z")]
    [InlineData("Tor, 02 maj 2024 10:00:00 +0200", "2024-05-02T08:00:00Z")]
    [InlineData("lørdag 14. desember 2024 10:00", "2024-12-14T10:00:00Z")]
    [InlineData("Tirsdag, 5. marts 2024 10:00:00 +0100", "2024-03-05T09:00:00Z")]
    // ar: Egyptian and Levantine month names, Arabic-Indic digits
    [InlineData("الاثنين، ٢٤ سبتمبر ٢٠١٨ ١٠:٠٠:٠٠ +0300", "2018-09-24T07:00:00Z")]
    [InlineData("الاثنين ٢٤ أيلول ٢٠١٨ - ١٠:٠٠", "2018-09-24T10:00:00Z")]
    [InlineData("٥ كانون الثاني ٢٠٢٤", "2024-01-05T00:00:00Z")]
    [InlineData("12 تشرين الأول 2024 08:00 GMT", "2024-10-12T08:00:00Z")]
    [InlineData("الخميس 3 أبريل 2025 10:00:00 +0200", "2025-04-03T08:00:00Z")]
    public void Localized_date_is_read_in_utc(string text, string expectedUtc)
    {
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), FeedDate.Parse(text));
    }

    [Fact]
    public void Time_in_arabic_indic_digits_is_read_not_thrown() =>
        Assert.Equal(new DateTimeOffset(2024, 1, 25, 10, 30, 0, TimeSpan.Zero), FeedDate.Parse("Thu, 25 Jan 2024 ١٠:٣٠:٠٠ GMT"));

    [Theory]
    [InlineData("Seg, 24 Foo 2018 10:00:00 -0300")]
    [InlineData("Lorem ipsum dolor 2018")]
    [InlineData("كانون ٢٠١٨")]
    public void Words_that_are_no_month_still_give_no_date(string text) => Assert.Null(FeedDate.Parse(text));

    [Fact]
    public void Localized_date_in_a_feed_becomes_the_published_time()
    {
        const string xml = "<rss version=\"2.0\"><channel><item><title>Notícia</title><pubDate>Seg, 24 Set 2018 10:00:00 -0300</pubDate></item></channel></rss>";

        var feed = NewsBot.Sources.Parsing.FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml), null, null);

        Assert.Equal(new DateTimeOffset(2018, 9, 24, 13, 0, 0, TimeSpan.Zero), Assert.Single(feed.Items).Published);
        Assert.Empty(feed.Problems);
    }
}
