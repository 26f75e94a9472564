using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NewsBot.TestKit.Discord;

/// <summary>
/// Discord's checks on message bodies (resources/message.mdx "Create Message", "Embed Limits") and command
/// bodies (interactions/application-commands.mdx): a violation is 400 with code 50035 and an errors tree;
/// a message with nothing in it is 50006.
/// </summary>
internal static class FakeMessageRules
{
    public static async Task<bool> CheckAsync(HttpContext ctx, JsonElement body)
    {
        var content = Text(body, "content");
        var embeds = body.TryGetProperty("embeds", out var e) && e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().ToList() : [];
        if (content.Length == 0 && embeds.Count == 0)
            return await Reject(ctx, 50006, "Cannot send an empty message", null);
        if (content.Length > 2000) return await Reject(ctx, 50035, "Invalid Form Body", "content: Must be 2000 or fewer in length.");
        if (embeds.Count > 10) return await Reject(ctx, 50035, "Invalid Form Body", "embeds: Must be 10 or fewer in length.");
        var total = 0;
        foreach (var embed in embeds)
        {
            var title = Text(embed, "title");
            var description = Text(embed, "description");
            var footer = embed.TryGetProperty("footer", out var f) ? Text(f, "text") : "";
            if (title.Length > 256) return await Reject(ctx, 50035, "Invalid Form Body", "embeds.0.title: Must be 256 or fewer in length.");
            if (description.Length > 4096) return await Reject(ctx, 50035, "Invalid Form Body", "embeds.0.description: Must be 4096 or fewer in length.");
            if (footer.Length > 2048) return await Reject(ctx, 50035, "Invalid Form Body", "embeds.0.footer.text: Must be 2048 or fewer in length.");
            if (embed.TryGetProperty("url", out var url) && !Uri.TryCreate(url.GetString(), UriKind.Absolute, out _))
                return await Reject(ctx, 50035, "Invalid Form Body", "embeds.0.url: Not a well formed URL.");
            total += title.Length + description.Length + footer.Length;
        }
        if (total > 6000) return await Reject(ctx, 50035, "Invalid Form Body", "embeds: Embed size exceeds maximum size of 6000");
        if (CheckComponents(body) is { } bad) return await Reject(ctx, 50035, "Invalid Form Body", bad);
        return await CheckAllowedMentionsAsync(ctx, body);
    }

    /// <summary>
    /// resources/message.mdx "Allowed Mentions": <c>users</c> holds at most 100 ids, and may not be given together
    /// with "users" in <c>parse</c> (mutually exclusive), else 400 / 50035.
    /// </summary>
    private static async Task<bool> CheckAllowedMentionsAsync(HttpContext ctx, JsonElement body)
    {
        if (!body.TryGetProperty("allowed_mentions", out var allowed) || allowed.ValueKind != JsonValueKind.Object) return true;
        var parse = allowed.TryGetProperty("parse", out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().Select(x => x.GetString()).ToList() : [];
        if (!allowed.TryGetProperty("users", out var users) || users.ValueKind != JsonValueKind.Array) return true;
        if (users.GetArrayLength() > 100) return await Reject(ctx, 50035, "Invalid Form Body", "allowed_mentions.users: Must be 100 or fewer in length.");
        if (parse.Contains("users")) return await Reject(ctx, 50035, "Invalid Form Body", "allowed_mentions: parse:[\"users\"] and users: [ids...] are mutually exclusive.");
        return true;
    }

    /// <summary>components/reference.mdx: at most 5 action rows (type 1) of at most 5 buttons (type 2); label ≤ 80, custom_id 1–100.</summary>
    private static string? CheckComponents(JsonElement body)
    {
        if (!body.TryGetProperty("components", out var rows) || rows.ValueKind == JsonValueKind.Null) return null;
        if (rows.ValueKind != JsonValueKind.Array || rows.GetArrayLength() > 5) return "components: Must be 5 or fewer in length.";
        foreach (var row in rows.EnumerateArray())
        {
            if (!row.TryGetProperty("type", out var t) || t.GetInt32() != 1) return "components.0.type: top-level components must be action rows";
            if (!row.TryGetProperty("components", out var items) || items.GetArrayLength() is 0 or > 5) return "components.0.components: Must be between 1 and 5 in length.";
            foreach (var button in items.EnumerateArray())
            {
                if (!button.TryGetProperty("type", out var bt) || bt.GetInt32() != 2) return "components.0.components.0.type: not a button";
                if (Text(button, "label").Length > 80) return "components.0.components.0.label: Must be 80 or fewer in length.";
                if (Text(button, "custom_id").Length is 0 or > 100) return "components.0.components.0.custom_id: Must be between 1 and 100 in length.";
            }
        }
        return null;
    }

    public static async Task<bool> CheckCommandsAsync(HttpContext ctx, JsonElement commands)
    {
        foreach (var command in commands.EnumerateArray())
        {
            var name = Text(command, "name");
            var description = Text(command, "description");
            if (name.Length is 0 or > 32 || !IsLowercase(name))
                return await Reject(ctx, 50035, "Invalid Form Body", $"name: '{name}' must be 1-32 lowercase characters");
            if (description.Length is 0 or > 100) return await Reject(ctx, 50035, "Invalid Form Body", $"{name}.description: Must be between 1 and 100 in length.");
            if (command.TryGetProperty("options", out var options) && !await CheckOptionsAsync(ctx, name, options)) return false;
            // application-commands.mdx: a command and its options may total at most 8000 characters.
            if (CountedCharacters(command) > 8000) return await Reject(ctx, 50035, "Invalid Form Body", $"{name}: Command exceeds maximum size (8000)");
        }
        return true;
    }

    private static async Task<bool> CheckOptionsAsync(HttpContext ctx, string path, JsonElement options)
    {
        if (options.GetArrayLength() > 25) return await Reject(ctx, 50035, "Invalid Form Body", $"{path}.options: Must be 25 or fewer in length.");
        var sawOptional = false;
        foreach (var option in options.EnumerateArray())
        {
            var name = Text(option, "name");
            var description = Text(option, "description");
            if (name.Length is 0 or > 32 || !IsLowercase(name) || description.Length is 0 or > 100)
                return await Reject(ctx, 50035, "Invalid Form Body", $"{path}.{name}: invalid name or description");
            var required = option.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
            if (required && sawOptional) return await Reject(ctx, 50035, "Invalid Form Body", $"{path}.{name}: Required options must be placed before non-required options");
            sawOptional |= !required && option.GetProperty("type").GetInt32() > 2;
            if (option.TryGetProperty("options", out var inner) && !await CheckOptionsAsync(ctx, path + "." + name, inner)) return false;
            if (!await CheckChoicesAsync(ctx, path + "." + name, option)) return false;
        }
        return true;
    }

    /// <summary>application-commands.mdx: at most 25 choices (name 1–100, string value up to 100); not with autocomplete.</summary>
    private static async Task<bool> CheckChoicesAsync(HttpContext ctx, string path, JsonElement option)
    {
        var autocomplete = option.TryGetProperty("autocomplete", out var a) && a.ValueKind == JsonValueKind.True;
        if (!option.TryGetProperty("choices", out var choices)) return true;
        if (autocomplete) return await Reject(ctx, 50035, "Invalid Form Body", $"{path}: Autocomplete cannot be set with choices");
        if (choices.GetArrayLength() > 25) return await Reject(ctx, 50035, "Invalid Form Body", $"{path}.choices: Must be 25 or fewer in length.");
        foreach (var choice in choices.EnumerateArray())
        {
            var value = choice.GetProperty("value");
            if (Text(choice, "name").Length is 0 or > 100 || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 100))
                return await Reject(ctx, 50035, "Invalid Form Body", $"{path}.choices: name must be 1-100 and value at most 100 characters");
        }
        return true;
    }

    /// <summary>The characters Discord counts toward a command's 8000: names, descriptions, choice names and values.</summary>
    private static int CountedCharacters(JsonElement element)
    {
        var total = Text(element, "name").Length + Text(element, "description").Length;
        if (element.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String) total += v.GetString()!.Length;
        foreach (var list in new[] { "options", "choices" })
            if (element.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array)
                total += items.EnumerateArray().Sum(CountedCharacters);
        return total;
    }

    /// <summary>receiving-and-responding.mdx: an autocomplete result has at most 25 choices, names 1–100, values up to 100.</summary>
    public static string? CheckAutocompleteResult(JsonElement callback)
    {
        if (!callback.TryGetProperty("data", out var data) || !data.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
            return "data.choices: This field is required";
        if (choices.GetArrayLength() > 25) return "data.choices: Must be 25 or fewer in length.";
        return choices.EnumerateArray().Any(c => Text(c, "name").Length is 0 or > 100 || Text(c, "value").Length > 100)
            ? "data.choices: name must be 1-100 and value at most 100 characters"
            : null;
    }

    // Discord: command and option names are lowercase wherever a letter has a lowercase form.
    private static bool IsLowercase(string name) => name.AsSpan().SequenceEqual(name.ToLowerInvariant());

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : "";

    private static async Task<bool> Reject(HttpContext ctx, int code, string message, string? detail)
    {
        ctx.Response.StatusCode = 400;
        if (detail is null) await ctx.Response.WriteAsJsonAsync(new { message, code });
        else await ctx.Response.WriteAsJsonAsync(new { message, code, errors = new { _errors = new[] { new { code = "BASE_TYPE_BAD_LENGTH", message = detail } } } });
        return false;
    }
}
