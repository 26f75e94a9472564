using System.CommandLine;

namespace NewsBot.Cli;

/// <summary>Command-line verbs on the service's own executable, for operators working on the server.</summary>
public static class CliApp
{
    private static readonly string[] Verbs = ["preview", "sources", "admin"];

    public static bool Handles(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("NewsBot: news alerts for Telegram, Discord and the console. Without a verb, runs the service.")
        {
            PreviewCommand.Create(),
            SourcesCommand.Create(),
            AdminCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }
}
