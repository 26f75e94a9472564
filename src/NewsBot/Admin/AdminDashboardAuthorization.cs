using Hangfire.Dashboard;

namespace NewsBot.Admin;

/// <summary>
/// Hangfire's dashboard is open only to a signed-in admin. The endpoint also requires the admin
/// policy (which redirects to sign-in); this filter keeps the dashboard closed should it ever be
/// mounted without that policy.
/// </summary>
internal sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var identity = context.GetHttpContext().User.Identity;
        return identity is { IsAuthenticated: true, AuthenticationType: AdminAuth.Scheme };
    }
}
