using NewsBot.Cli;

namespace NewsBot.Tests.Cli;

public sealed class CliAppTests
{
    [Theory]
    [InlineData("preview")]
    [InlineData("sources")]
    [InlineData("admin")]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("--version")]
    [InlineData("frobnicate")]
    public void Verbs_help_and_unknown_words_are_for_the_cli(string first) =>
        Assert.True(CliApp.Handles([first]));

    [Theory]
    [InlineData("")]
    [InlineData("--urls http://127.0.0.1:0")]
    [InlineData("--urls=http://127.0.0.1:0")]
    [InlineData("--NewsBot:Database:Provider=Postgres")]
    [InlineData("/urls http://127.0.0.1:0")]
    [InlineData("NewsBot:Database:Provider=Postgres")]
    public void Configuration_arguments_without_a_verb_run_the_service(string commandLine) =>
        Assert.False(CliApp.Handles(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public async Task An_unknown_verb_exits_2() =>
        Assert.Equal(2, await CliApp.RunAsync(["frobnicate"]));

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("--version")]
    public async Task Help_and_version_exit_0(string arg) =>
        Assert.Equal(0, await CliApp.RunAsync([arg]));
}
