using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using static NewsBot.Admin.SafeHtml;

namespace NewsBot.Admin;

/// <summary>/admin/login and /admin/logout: password sign-in with a per-address lock-out.</summary>
internal static class SignInEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/login", (HttpContext ctx, [FromQuery] string? returnUrl) => Form(ctx, returnUrl, null, 200));
        admin.MapPost("/login", SignInAsync);
        // Binding a form field is what makes a minimal-API endpoint demand the antiforgery token,
        // so sign-out cannot be triggered by another site.
        admin.MapPost("/logout", async (HttpContext ctx, AdminSessions sessions, [FromForm(Name = "__RequestVerificationToken")] string? token) =>
        {
            // Ended on the server first: a copy of this cookie (another tab, a stolen one) is refused from now on.
            var signedIn = await ctx.AuthenticateAsync(AdminAuth.Scheme);
            sessions.End(signedIn.Principal?.FindFirst(AdminSessions.ClaimType)?.Value);
            await ctx.SignOutAsync(AdminAuth.Scheme);
            return Results.Redirect("/admin/login", preserveMethod: false);
        });
    }

    private static async Task<IResult> SignInAsync(HttpContext ctx, AdminPassword password, SignInLockout lockout, AdminSessions sessions,
        [FromForm] string? pwd, [FromForm] string? returnUrl)
    {
        var client = ctx.Connection.RemoteIpAddress;
        if (lockout.LockedUntil(client) is { } until)
            return Form(ctx, returnUrl, LockedMessage(until), StatusCodes.Status429TooManyRequests);
        if (!password.Verify(pwd))
        {
            lockout.RecordFailure(client);
            return lockout.LockedUntil(client) is { } now
                ? Form(ctx, returnUrl, LockedMessage(now), StatusCodes.Status429TooManyRequests)
                : Form(ctx, returnUrl, "Wrong password.", StatusCodes.Status401Unauthorized);
        }
        lockout.RecordSuccess(client);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(AdminSessions.ClaimType, sessions.Start())], AdminAuth.Scheme);
        await ctx.SignInAsync(AdminAuth.Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(SafeReturnUrl(returnUrl));
    }

    private static string LockedMessage(DateTimeOffset until) =>
        "Too many failed sign-ins from your address. Sign-in is locked until " +
        until.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture) + "; try again then.";

    /// <summary>Only a local /admin address, so the sign-in page cannot be used to bounce an admin to another site.</summary>
    private static string SafeReturnUrl(string? url) =>
        url is not null && url.StartsWith("/admin", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.Contains('\\') ? url : "/admin/sources";

    private static IResult Form(HttpContext ctx, string? returnUrl, string? error, int status) =>
        AdminLayout.Page(ctx, "Sign in", H($"""
            {AdminLayout.Message(error, error is not null)}
            <form method="post" action="/admin/login">
              {AdminLayout.Token(ctx)}
              <input type="hidden" name="returnUrl" value="{SafeReturnUrl(returnUrl)}">
              <label>Admin password <input type="password" name="pwd" autocomplete="current-password" autofocus required></label>
              <button type="submit">Sign in</button>
            </form>
            """), signedIn: false, status: status);
}
