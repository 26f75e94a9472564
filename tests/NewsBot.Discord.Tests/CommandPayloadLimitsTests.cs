using System.Text.Json;
using System.Text.RegularExpressions;
using NewsBot.Discord.Interactions;

namespace NewsBot.Discord.Tests;

/// <summary>
/// The registration body, exactly as serialized for PUT /applications/{id}/commands, checked against the limits of
/// Discord interactions/application-commands.mdx: a breach makes Discord refuse the whole set (50035) and no
/// command works at all.
/// </summary>
public sealed partial class CommandPayloadLimitsTests
{
    private static readonly JsonElement Payload = JsonSerializer.SerializeToElement(NewsSlashCommands.All, DiscordJson.Options);

    public static TheoryData<string> CommandNames => new(NewsSlashCommands.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Command_stays_within_discords_documented_limits(string name)
    {
        var command = Payload.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var problems = new List<string>();
        CheckNamed(command, name, problems);
        CheckOptions(command, name, problems);
        var total = Counted(command);
        if (total > CommandLimits.TotalCharacters) problems.Add($"{name}: {total} characters, over {CommandLimits.TotalCharacters}");
        Assert.Empty(problems);
    }

    [Fact]
    public void The_checks_catch_a_breach()
    {
        var tooMany = new ApplicationCommand("news", "x", Enumerable.Range(0, 26).Select(i => new ApplicationCommandOption(1, $"s{i}", "d")).ToList());
        var problems = new List<string>();
        CheckOptions(JsonSerializer.SerializeToElement(tooMany, DiscordJson.Options), "news", problems);
        Assert.Contains(problems, p => p.Contains("26 options"));
    }

    [Fact]
    public void Delivery_subcommands_have_typed_options()
    {
        var news = Payload.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "news");
        JsonElement Option(string sub, int index) =>
            news.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == sub).GetProperty("options")[index];

        var mode = Option("digest", 0);
        Assert.Equal(["off", "hourly", "daily"], mode.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
        Assert.False(Option("digest", 1).GetProperty("required").GetBoolean());
        Assert.True(Option("timezone", 0).GetProperty("autocomplete").GetBoolean());
        var limit = Option("limit", 0);
        Assert.Equal((4, 1, 1000), (limit.GetProperty("type").GetInt32(), limit.GetProperty("min_value").GetInt32(), limit.GetProperty("max_value").GetInt32()));
        Assert.Equal(3, Option("quiet", 0).GetProperty("type").GetInt32());
    }

    private static void CheckNamed(JsonElement item, string path, List<string> problems)
    {
        var name = item.GetProperty("name").GetString() ?? "";
        var description = item.GetProperty("description").GetString() ?? "";
        if (!NamePattern().IsMatch(name) || !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal)) problems.Add($"{path}: name '{name}' is not 1-32 lowercase characters");
        if (description.Length is 0 or > CommandLimits.DescriptionLength) problems.Add($"{path}: description is {description.Length} characters");
    }

    private static void CheckOptions(JsonElement item, string path, List<string> problems)
    {
        if (!item.TryGetProperty("options", out var options)) return;
        if (options.GetArrayLength() > CommandLimits.Options) problems.Add($"{path}: {options.GetArrayLength()} options, over {CommandLimits.Options}");
        var sawOptional = false;
        var names = new HashSet<string>();
        foreach (var option in options.EnumerateArray())
        {
            var name = option.GetProperty("name").GetString()!;
            var at = path + "." + name;
            CheckNamed(option, at, problems);
            if (!names.Add(name)) problems.Add($"{at}: duplicate name");
            var type = option.GetProperty("type").GetInt32();
            var required = option.TryGetProperty("required", out var r) && r.GetBoolean();
            if (type > 2 && required && sawOptional) problems.Add($"{at}: required after an optional option");
            sawOptional |= type > 2 && !required;
            CheckChoices(option, at, problems);
            if (option.TryGetProperty("min_value", out var min) && option.TryGetProperty("max_value", out var max) && min.GetDouble() > max.GetDouble())
                problems.Add($"{at}: min_value above max_value");
            if (option.TryGetProperty("max_length", out var maxLength) && maxLength.GetInt32() is < 1 or > 6000) problems.Add($"{at}: max_length outside 1-6000");
            CheckOptions(option, at, problems);
        }
    }

    private static void CheckChoices(JsonElement option, string path, List<string> problems)
    {
        if (!option.TryGetProperty("choices", out var choices)) return;
        if (option.TryGetProperty("autocomplete", out var a) && a.GetBoolean()) problems.Add($"{path}: autocomplete together with choices");
        if (choices.GetArrayLength() > CommandLimits.Choices) problems.Add($"{path}: {choices.GetArrayLength()} choices");
        foreach (var choice in choices.EnumerateArray())
        {
            var name = choice.GetProperty("name").GetString() ?? "";
            var value = choice.GetProperty("value").GetString() ?? "";
            if (name.Length is 0 or > CommandLimits.ChoiceNameLength || value.Length > CommandLimits.ChoiceValueLength)
                problems.Add($"{path}: choice '{name}' is too long");
        }
    }

    private static int Counted(JsonElement item)
    {
        var total = 0;
        foreach (var field in new[] { "name", "description", "value" })
            if (item.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String) total += v.GetString()!.Length;
        foreach (var list in new[] { "options", "choices" })
            if (item.TryGetProperty(list, out var items)) total += items.EnumerateArray().Sum(Counted);
        return total;
    }

    // application-commands.mdx "Application Command Naming": ^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$
    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();
}
