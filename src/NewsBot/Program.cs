using Microsoft.Extensions.Options;
using NewsBot.Cli;
using NewsBot.Startup;

if (CliApp.Handles(args)) return await CliApp.RunAsync(args);

try
{
    await using var app = NewsBotHost.Build(args);
    await app.Services.PrepareAsync();
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    await Console.Error.WriteLineAsync($"NewsBot: invalid configuration: {string.Join("; ", e.Failures)}");
    return 2;
}
catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
{
    await Console.Error.WriteLineAsync($"NewsBot: invalid configuration: {e.Message}");
    return 2;
}
