using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NewsBot.TestKit.Discord;

/// <summary>The REST routes of the fake Discord (paths after /api/v10/).</summary>
internal static class FakeDiscordRoutes
{
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(5);

    public static async Task DispatchAsync(FakeDiscordServer server, HttpContext ctx, string route)
    {
        var s = route.Split('/');
        var method = ctx.Request.Method;
        var o = server.Options;
        switch (s)
        {
            case ["gateway", "bot"] when method == "GET":
                if (!await AdmitBotAsync(server, ctx, new FakeBucket("gwbot0000", "", 10, DefaultWindow))) return;
                await ctx.Response.WriteAsJsonAsync(new
                {
                    url = server.GatewayUrl, shards = 1,
                    session_start_limit = new { total = 1000, remaining = o.IdentifiesRemaining, reset_after = 14_400_000, max_concurrency = 1 },
                });
                return;
            case ["channels", var channel, "messages"] when method == "POST":
                if (!await AdmitBotAsync(server, ctx, new FakeBucket("msgcreate80c17d2f", "channels/" + channel, o.MessageBucketLimit, o.MessageBucketWindow))) return;
                await CreateMessageAsync(server, ctx, channel, channel);
                return;
            case ["channels", var channel, "messages", var messageId] when method == "PATCH":
                if (!await AdmitBotAsync(server, ctx, new FakeBucket("msgedit4b1e2c9a", "channels/" + channel, o.MessageBucketLimit, o.MessageBucketWindow))) return;
                await CreateMessageAsync(server, ctx, channel, channel, messageId);
                return;
            case ["channels", var channel] when method == "GET":
                if (!await AdmitBotAsync(server, ctx, new FakeBucket("changet5a6b7c8d", "channels/" + channel, 5, DefaultWindow))) return;
                if (server.GuildOf(channel) is not { } guildOfChannel)
                {
                    await FakeDiscordServer.Error(ctx, 404, 10003, "Unknown Channel");
                    return;
                }
                await ctx.Response.WriteAsJsonAsync(new { id = channel, type = 0, guild_id = guildOfChannel, name = "news" });
                return;
            case ["guilds", var guild, "members", var user] when method == "GET":
                if (!await AdmitBotAsync(server, ctx, new FakeBucket("memberget9c8b7a6d", "guilds/" + guild, 5, DefaultWindow))) return;
                if (!server.IsGuildMember(guild, user))
                {
                    await FakeDiscordServer.Error(ctx, 404, 10007, "Unknown Member");
                    return;
                }
                await ctx.Response.WriteAsJsonAsync(new { user = new { id = user, username = "reader" }, roles = Array.Empty<string>(), joined_at = "2026-01-01T00:00:00Z" });
                return;
            case ["users", "@me", "channels"] when method == "POST":
                if (!await AdmitBotAsync(server, ctx, new FakeBucket("dm0a1b2c3d", "", 10, DefaultWindow))) return;
                if (await ReadJsonAsync(ctx) is not { } dm) return;
                var recipient = dm.TryGetProperty("recipient_id", out var r) ? r.GetString() : null;
                if (recipient is null || server.ChannelError("user:" + recipient) is not null)
                {
                    await FakeDiscordServer.Error(ctx, 400, 50007, "Cannot send messages to this user");
                    return;
                }
                await ctx.Response.WriteAsJsonAsync(new { id = "19" + recipient[2..], type = 1, recipients = new[] { new { id = recipient, username = "reader" } } });
                return;
            case ["applications", var app, "commands"] when method == "PUT":
                await OverwriteCommandsAsync(server, ctx, app, "global");
                return;
            case ["applications", var app, "guilds", var guild, "commands"] when method == "PUT":
                await OverwriteCommandsAsync(server, ctx, app, guild);
                return;
            case ["interactions", var id, var token, "callback"] when method == "POST":
                if (await ReadJsonAsync(ctx) is not { } callback) return;
                if (callback.TryGetProperty("type", out var callbackType) && callbackType.GetInt32() == 8
                    && FakeMessageRules.CheckAutocompleteResult(callback) is { } badChoices)
                {
                    await FakeDiscordServer.Error(ctx, 400, 50035, "Invalid Form Body: " + badChoices);
                    return;
                }
                if (server.Interactions.Callback(id, Uri.UnescapeDataString(token), callback) is { } rejected)
                    await FakeDiscordServer.Error(ctx, rejected.Status, rejected.Code, rejected.Message);
                else
                    ctx.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case ["webhooks", var app, var token, "messages", "@original"] when method == "PATCH":
                if (server.Interactions.ByToken(Uri.UnescapeDataString(token)) is not { Callback.IsCompleted: true } original || app != o.ApplicationId)
                {
                    await FakeDiscordServer.Error(ctx, 404, 10008, "Unknown Message");
                    return;
                }
                if (await ReadJsonAsync(ctx) is not { } edit) return;
                original.Edited(edit);
                await ctx.Response.WriteAsJsonAsync(new { id = server.NextId(), channel_id = "0", content = "" });
                return;
            case ["webhooks", var id, var token] when method == "GET":
                await GetWebhookAsync(server, ctx, id, Uri.UnescapeDataString(token));
                return;
            case ["webhooks", var id, var token] when method == "POST":
                await ExecuteWebhookAsync(server, ctx, id, Uri.UnescapeDataString(token));
                return;
            default:
                await FakeDiscordServer.Error(ctx, 404, 0, "404: Not Found");
                return;
        }
    }

    /// <summary>Bot-authenticated routes: 401 without the right token, then the global and bucket limits.</summary>
    private static async Task<bool> AdmitBotAsync(FakeDiscordServer server, HttpContext ctx, FakeBucket bucket)
    {
        if (!server.IsBotAuthorized(ctx))
        {
            await FakeDiscordServer.Error(ctx, 401, 40001, "401: Unauthorized");
            return false;
        }
        return await server.RateLimits.AdmitAsync(ctx, bucket, countsGlobally: true);
    }

    private static async Task CreateMessageAsync(FakeDiscordServer server, HttpContext ctx, string channel, string target, string? editedId = null)
    {
        if (((editedId is null ? server.ThreadRefusal(channel) : null) ?? server.ChannelError(channel)) is { } error)
        {
            await FakeDiscordServer.Error(ctx, error.Status, error.Code, error.Message);
            return;
        }
        if (await ReadJsonAsync(ctx) is not { } body || !await FakeMessageRules.CheckAsync(ctx, body)) return;
        var id = editedId ?? server.NextId();
        server.Record(new FakeMessage(id, target, body, server.Options.Time.GetUtcNow()));
        await ctx.Response.WriteAsJsonAsync(new { id, channel_id = channel, type = 0, content = body.TryGetProperty("content", out var c) ? c.GetString() : "" });
    }

    private static async Task OverwriteCommandsAsync(FakeDiscordServer server, HttpContext ctx, string app, string scope)
    {
        if (!await AdmitBotAsync(server, ctx, new FakeBucket("cmds5e6f7a8b", scope, 5, TimeSpan.FromSeconds(20)))) return;
        if (app != server.Options.ApplicationId)
        {
            await FakeDiscordServer.Error(ctx, 403, 50001, "Missing Access");
            return;
        }
        if (await ReadJsonAsync(ctx) is not { ValueKind: JsonValueKind.Array } commands)
        {
            await FakeDiscordServer.Error(ctx, 400, 50035, "Invalid Form Body");
            return;
        }
        if (!await FakeMessageRules.CheckCommandsAsync(ctx, commands)) return;
        server.Commands[scope] = commands;
        var echoed = commands.EnumerateArray().Select(c => new Dictionary<string, object?>
        {
            ["id"] = server.NextId(), ["application_id"] = app, ["version"] = server.NextId(),
            ["name"] = c.GetProperty("name").GetString(), ["description"] = c.GetProperty("description").GetString(),
        });
        await ctx.Response.WriteAsJsonAsync(echoed);
    }

    private static async Task ExecuteWebhookAsync(FakeDiscordServer server, HttpContext ctx, string id, string token)
    {
        var followUp = id == server.Options.ApplicationId ? server.Interactions.ByToken(token) : null;
        if (followUp is null && !server.WebhookExists(id, token))
        {
            await FakeDiscordServer.Error(ctx, 404, 10015, "Unknown Webhook");
            return;
        }
        // Webhooks have their own bucket per webhook id + token (topics/rate-limits.mdx) and need no bot token.
        var o = server.Options;
        if (!await server.RateLimits.AdmitAsync(ctx, new FakeBucket("webhook9f8e7d6c", id + "/" + token, o.MessageBucketLimit, o.MessageBucketWindow), countsGlobally: false)) return;
        if (await ReadJsonAsync(ctx) is not { } body || !await FakeMessageRules.CheckAsync(ctx, body)) return;
        var messageId = server.NextId();
        server.Record(new FakeMessage(messageId, (followUp is null ? "webhook:" : "followup:") + id, body, o.Time.GetUtcNow()));
        // Execute Webhook answers 204 unless ?wait=true; follow-ups always wait (resources/webhook.mdx).
        if (followUp is null && ctx.Request.Query["wait"] != "true")
        {
            ctx.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        await ctx.Response.WriteAsJsonAsync(new { id = messageId, channel_id = "1390000000000000001", webhook_id = id, type = 0 });
    }

    /// <summary>
    /// Get Webhook with Token (resources/webhook.mdx): the webhook object without a user; an unknown id is
    /// 404 / 10015 Unknown Webhook, a wrong token 401 / 50027 Invalid Webhook Token.
    /// </summary>
    private static async Task GetWebhookAsync(FakeDiscordServer server, HttpContext ctx, string id, string token)
    {
        if (server.WebhookName(id) is not { } name)
        {
            await FakeDiscordServer.Error(ctx, 404, 10015, "Unknown Webhook");
            return;
        }
        if (!server.WebhookExists(id, token))
        {
            await FakeDiscordServer.Error(ctx, 401, 50027, "Invalid Webhook Token");
            return;
        }
        if (!await server.RateLimits.AdmitAsync(ctx, new FakeBucket("webhookget1a2b3c", id + "/" + token, 5, DefaultWindow), countsGlobally: false)) return;
        await ctx.Response.WriteAsJsonAsync(new
        {
            id, type = 1, guild_id = "1200000000000000001", channel_id = "1390000000000000001", name, avatar = (string?)null,
            application_id = (string?)null, token,
        });
    }

    /// <summary>Discord reference.mdx "Content Type": JSON bodies need application/json, else 50035.</summary>
    private static async Task<JsonElement?> ReadJsonAsync(HttpContext ctx)
    {
        if (ctx.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await FakeDiscordServer.Error(ctx, 400, 50035, "Invalid Form Body (Content-Type must be application/json)");
            return null;
        }
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            await FakeDiscordServer.Error(ctx, 400, 50109, "The request body contains invalid JSON.");
            return null;
        }
    }
}
