namespace NewsBot.Admin;

/// <summary>Names of the admin console's cookie scheme and authorization policy.</summary>
public static class AdminAuth
{
    public const string Scheme = "NewsBotAdmin";
    public const string Policy = "NewsBotAdmin";
    public const string BasePath = "/admin";
}
