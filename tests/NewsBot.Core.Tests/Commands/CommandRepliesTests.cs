using NewsBot.Core.Commands;
using NewsBot.Core.Delivery;

namespace NewsBot.Core.Tests.Commands;

/// <summary>Replies that need no data, as Telegram (text commands) shows them.</summary>
public class CommandRepliesTests
{
    private static readonly CommandContext Private = new("telegram", "42", ChatKind.Private, "42", IsBotAdmin: false, IsChatAdmin: true);

    [Theory]
    [InlineData("/remove 0", "/remove: '0' is not a filter number; /list shows the numbers.\nUsage: /remove <number> [@channel]")]
    [InlineData("/limit 0", "/limit: the limit must be at least 1 alert an hour; to stop alerts use /pause.\nUsage: /limit <n>")]
    [InlineData("/digest hourly 08:00", "/digest: /digest hourly takes nothing after it, not '08:00'.\nUsage: /digest off|hourly|daily HH:MM[,HH:MM]")]
    public void Malformed_commands_are_explained_with_text_commands_and_their_usage(string typed, string expected) =>
        Assert.Equal(expected, CommandReplies.Malformed(Assert.IsType<ChatCommand.Malformed>(ChatCommandParser.Parse(typed))).Text);

    [Fact]
    public void Help_lists_each_command_by_its_usage_line_and_gives_filter_examples_as_commands()
    {
        var help = CommandReplies.Help(Private).Text;

        Assert.All(CommandCatalog.All.Where(c => !c.AdminOnly), c => Assert.Contains("\n" + c.Usage + " - " + c.Description + "\n", help));
        Assert.DoesNotContain("/addsource", help);
        Assert.Contains("\n/add (ceasefire OR truce) gaza - either word, plus gaza\n", help);
        Assert.EndsWith("Try a filter first with /test <some headline>.", help);
    }

    [Fact]
    public void Help_lists_the_coverage_term_with_what_it_means()
    {
        var help = CommandReplies.Help(Private).Text;

        Assert.Contains("\n/add ceasefire outlets:3 - only when 3 different outlets report the same story; the alert names them all\n", help);
    }

    [Fact]
    public void The_utc_hint_names_the_timezone_command()
    {
        var change = new DeliveryChange.SetQuiet(new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)));
        var confirm = DeliveryDescription.Confirm(change, change.ApplyTo(DeliveryPreferences.Default), DeliveryPreferences.DefaultHourlyLimit);

        Assert.Contains(confirm.Parts, p => p == new ReplyPart.Command(CommandMention.Of("timezone", "Europe/Berlin")));
    }
}
