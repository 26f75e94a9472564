using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Commands;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Application.Chats;

/// <summary>
/// When a forum topic or thread (a chat with <see cref="Chat.ParentExternalId"/>) is closed or deleted, the people of
/// the chat it belongs to hear it once: "Alerts for topic 'Gaza' stopped: the topic was closed. Its 3 filters are
/// kept; …". The notice is a row in the source-notice outbox (sent, retried and deduplicated like any notice),
/// queued in the same transaction that marks the topic gone, so it goes once per going, not once per alert.
/// </summary>
public static class TopicGoneNotice
{
    /// <summary>
    /// Queues the notice for a topic that has just gone. Nothing is queued for an ordinary chat, for a parent chat
    /// that is gone too, or when no source can be named (the row's source is the one whose alert or notice found
    /// the topic gone; a topic that never got either has nothing to stop).
    /// </summary>
    public static async Task<bool> QueueAsync(NewsBotDbContext db, long chatId, string reason, ICommandNaming naming, DateTime now, CancellationToken ct)
    {
        var topic = await db.Chats.AsNoTracking().Where(c => c.Id == chatId && c.ParentExternalId != null)
            .Select(c => new { c.Platform, c.Title, c.ParentExternalId, Filters = c.Filters.Count }).FirstOrDefaultAsync(ct);
        if (topic is null) return false;
        var parent = await db.Chats.AsNoTracking().Where(c => c.Platform == topic.Platform && c.ExternalId == topic.ParentExternalId)
            .Select(c => new { c.Id, c.DeactivatedReason }).FirstOrDefaultAsync(ct);
        if (parent?.DeactivatedReason is not null) return false;
        var sourceId = await db.Alerts.Where(a => a.ChatId == chatId).OrderByDescending(a => a.Id).Select(a => (long?)a.Article!.SourceId).FirstOrDefaultAsync(ct)
                       ?? await db.SourceNotices.Where(n => n.ChatId == chatId).OrderByDescending(n => n.Id).Select(n => (long?)n.SourceId).FirstOrDefaultAsync(ct);
        if (sourceId is null) return false;
        db.SourceNotices.Add(new SourceNotice
        {
            SourceId = sourceId.Value,
            Kind = SourceNoticeKind.TopicGone,
            Platform = topic.Platform,
            Target = topic.ParentExternalId!,
            ChatId = parent?.Id,
            Text = Text(topic.Title, reason, topic.Filters, naming),
            Status = AlertStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>"Alerts for topic 'Gaza' stopped: the topic was closed (…). Its 3 filters are kept; reopen it and send /resume there, or /remove them there." (/resume exists on every platform; /start works too where there is one)</summary>
    public static string Text(string? title, string reason, int filters, ICommandNaming naming)
    {
        var name = string.IsNullOrWhiteSpace(title) ? "a topic" : $"topic '{Shorten(title, 100)}'";
        var kept = filters switch
        {
            0 => "It had no filters",
            1 => "Its filter is kept",
            _ => $"Its {filters.ToString(CultureInfo.InvariantCulture)} filters are kept",
        };
        var remove = filters == 0 ? "" : $", or {naming.Mention(CommandMention.Of("remove"))} them there";
        return $"Alerts for {name} stopped: {Shorten(reason, 300)}. {kept}; reopen it and send {naming.Mention(CommandMention.Of("resume"))} there{remove}.";
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
