namespace NewsBot.Core.Platforms;

/// <summary>
/// How an adapter's health check joins the host's readiness: the host's /health/ready runs the checks
/// with this tag, so an adapter registers its bot check with it (by the platform's name, e.g. "telegram").
/// </summary>
public static class PlatformReadiness
{
    public const string HealthTag = "ready";
}
