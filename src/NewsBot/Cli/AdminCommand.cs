using System.CommandLine;
using NewsBot.Admin;

namespace NewsBot.Cli;

/// <summary>`admin hash-password`: the value for NewsBot:Admin:PasswordHash, so the password itself stays out of configuration.</summary>
public static class AdminCommand
{
    public static Command Create()
    {
        var hash = new Command("hash-password", "Read a password from standard input and print its hash for NewsBot:Admin:PasswordHash");
        hash.SetAction(async (_, ct) =>
        {
            var password = (await System.Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password))
            {
                await System.Console.Error.WriteLineAsync("no password on standard input");
                return 2;
            }
            System.Console.WriteLine(AdminPassword.Hash(password));
            return 0;
        });
        return new Command("admin", "Admin console helpers") { hash };
    }
}
