using System.CommandLine;

namespace NewsBot.Cli;

/// <summary>Command-line verbs on the service's own executable, for operators working on the server.</summary>
public static class CliApp
{
    private static readonly string[] Verbs = ["preview", "sources", "admin"];
    private static readonly string[] HelpWords = ["--help", "-h", "-?", "help", "--version"];

    /// <summary>
    /// True when the arguments are for the CLI, not the service. Without a verb the service runs and
    /// the arguments are its configuration, as ASP.NET Core reads them: `--urls x`, `--Key=value`,
    /// `/Key value` and `Key=value`. Any other first word is a verb we do not know.
    /// </summary>
    public static bool Handles(string[] args) =>
        args.Length > 0 && (Verbs.Contains(args[0]) || HelpWords.Contains(args[0]) || IsUnknownVerb(args[0]));

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("NewsBot: news alerts for Telegram, Discord and the console. Without a verb, runs the service.")
        {
            PreviewCommand.Create(),
            SourcesCommand.Create(),
            AdminCommand.Create(),
        };
        if (IsUnknownVerb(args[0]))
        {
            // Exit code 2 as for any usage error: a typo must not start the service in its place.
            await System.Console.Error.WriteLineAsync($"NewsBot: unknown verb '{args[0]}'.");
            await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = System.Console.Error });
            return 2;
        }
        // `help` and `help preview` read as `--help` and `preview --help`.
        if (args[0] == "help") args = args.Length > 1 ? [args[1], "--help"] : ["--help"];
        return await root.Parse(args).InvokeAsync();
    }

    private static bool IsUnknownVerb(string arg) =>
        !Verbs.Contains(arg) && !HelpWords.Contains(arg)
        && !arg.StartsWith('-') && !arg.StartsWith('/') && !arg.Contains('=', StringComparison.Ordinal);
}
