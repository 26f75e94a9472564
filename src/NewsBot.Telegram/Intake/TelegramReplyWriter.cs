using System.Text;
using NewsBot.Core.Commands;
using NewsBot.Telegram.Rendering;
using NewsBot.Telegram.Sending;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace NewsBot.Telegram.Intake;

/// <summary>
/// Sends a command reply: plain text with commands named as typed (<c>/resume</c>; no parse mode, so user and
/// feed text need no escaping),
/// split into messages of at most 4096 characters at line breaks, buttons under the last one.
/// Replies go through the same pacer as alerts, since Telegram's limits count every message.
/// </summary>
public sealed class TelegramReplyWriter(ITelegramBotClient bot, TelegramPacer pacer)
{
    public Task SendAsync(long chatId, CommandReply reply, CancellationToken ct) => SendAsync(new TelegramChatAddress(chatId), reply, ct);

    /// <summary>Sends the reply to a chat or, with a thread id, into that forum topic (Bot API message_thread_id).</summary>
    public async Task SendAsync(TelegramChatAddress to, CommandReply reply, CancellationToken ct)
    {
        var chatId = to.ChatId;
        var parts = Split(reply.Body.Render(TextCommandNaming.Instance), TelegramAlertRenderer.MaxMessageLength);
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            await pacer.WaitTurnAsync(chatId, ct).ConfigureAwait(false);
            await bot.SendMessage(chatId, parts[i],
                replyMarkup: last ? Keyboard(reply) : null,
                messageThreadId: to.ThreadId,
                linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                cancellationToken: ct).ConfigureAwait(false);
        }
    }

    private static InlineKeyboardMarkup? Keyboard(CommandReply reply) => reply.Buttons.Count == 0
        ? null
        : new InlineKeyboardMarkup(reply.Buttons.Select(row =>
            row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.CallbackData))));

    internal static List<string> Split(string text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return ["(no reply)"];
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var piece = line;
            while (TextLength.Of(piece) > max)
            {
                Flush(parts, current);
                var head = TextLength.Shorten(piece, max);
                parts.Add(head);
                piece = piece[(head.Length - 1)..].TrimStart();
            }
            if (TextLength.Of(current.ToString()) + TextLength.Of(piece) + 1 > max) Flush(parts, current);
            if (current.Length > 0) current.Append('\n');
            current.Append(piece);
        }
        Flush(parts, current);
        return parts;
    }

    private static void Flush(List<string> parts, StringBuilder current)
    {
        if (current.ToString().Trim().Length > 0) parts.Add(current.ToString());
        current.Clear();
    }
}
