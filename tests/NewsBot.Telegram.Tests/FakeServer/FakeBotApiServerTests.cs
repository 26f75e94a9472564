using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsBot.TestKit.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Telegram.Tests.FakeServer;

/// <summary>The fake must refuse what Telegram refuses, or the adapter tests prove nothing.</summary>
public class FakeBotApiServerTests
{
    [Theory]
    [InlineData("Tom & Jerry", "Unsupported HTML entity at byte offset 4")]
    [InlineData("a < b", "Unclosed start tag at byte offset 2")]
    [InlineData("a < b > c", "Unsupported start tag \"\" at byte offset 2")]
    [InlineData("a > b", "Character '>' is reserved")]
    [InlineData("<script>x</script>", "Unsupported start tag \"script\" at byte offset 0")]
    [InlineData("<b>bold", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("<b><i>x</b></i>", "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"")]
    [InlineData("x</b>", "Unexpected end tag at byte offset 1")]
    [InlineData("<span>x</span>", "Tag \"span\" must have class \"tg-spoiler\"")]
    [InlineData("&nbsp;", "Unsupported HTML entity")]
    [InlineData("é & x", "at byte offset 3")] // offsets count UTF-8 bytes
    public void Html_that_telegram_refuses_is_refused_with_its_wording(string html, string error) =>
        Assert.Contains(error, FakeTelegramHtml.Parse(html).Error);

    [Theory]
    [InlineData("<b>a</b> &lt;&gt;&amp;&quot; &#39;&#x41;", "a <>&\" 'A")]
    [InlineData("<a href=\"https://e.example/?a=1&amp;b=2\">link</a>", "link")]
    [InlineData("<strong>s</strong><em>e</em><u>u</u><s>s</s><tg-spoiler>x</tg-spoiler><code>c</code><pre>p</pre>", "seusxcp")]
    [InlineData("<blockquote expandable>q</blockquote>", "q")]
    public void Allowed_tags_and_entities_are_decoded(string html, string plain)
    {
        var parsed = FakeTelegramHtml.Parse(html);
        Assert.Null(parsed.Error);
        Assert.Equal(plain, parsed.PlainText);
    }

    [Fact]
    public async Task Text_over_4096_characters_after_parsing_is_refused_but_markup_does_not_count()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(server.Token, server.BaseUrl) { RetryThreshold = 0 });
        await bot.SendMessage(1, "<b>" + new string('a', 4096) + "</b>", parseMode: ParseMode.Html);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(2, new string('a', 4097)));
        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message is too long", error.Message);
    }

    [Fact]
    public async Task Flooding_one_chat_gets_429_with_retry_after_in_body_and_header()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var http = new HttpClient();
        var url = $"{server.BaseUrl}/bot{server.Token}/sendMessage";
        HttpResponseMessage response;
        var sent = 0;
        do
        {
            response = await http.PostAsJsonAsync(url, new { chat_id = 9, text = "hi" });
            sent++;
        } while (response.IsSuccessStatusCode && sent < 10);

        Assert.Equal(4, sent); // a burst of 3, then "no more than one message per second"
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}", body.ToJsonString());
        Assert.Equal(1, server.TooManyRequestsCount);
    }

    [Fact]
    public async Task Wrong_token_and_unknown_method_answer_like_the_bot_api()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var http = new HttpClient();
        var wrong = await http.PostAsync($"{server.BaseUrl}/bot1:wrong/getMe", null);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("\"description\":\"Unauthorized\"", await wrong.Content.ReadAsStringAsync());
        var unknown = await http.PostAsync($"{server.BaseUrl}/bot{server.Token}/frobnicate", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_long_poll_is_held_until_an_update_arrives()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var http = new HttpClient();
        var poll = http.PostAsJsonAsync($"{server.BaseUrl}/bot{server.Token}/getUpdates", new { timeout = 30 });
        await server.WaitUntilAsync(s => s.CallsTo("getUpdates").Count == 1);
        Assert.False(poll.IsCompleted);
        var id = server.PushUpdate(FakeUpdates.Text(42, 42, "/help"));
        var body = JsonNode.Parse(await (await poll.WaitAsync(TimeSpan.FromSeconds(10))).Content.ReadAsStringAsync())!;
        Assert.Equal(id, body["result"]![0]!["update_id"]!.GetValue<int>());
    }
}
