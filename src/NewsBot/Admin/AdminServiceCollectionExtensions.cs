using Hangfire;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using NewsBot.Admin;

// In the Startup namespace with the other AddXxx extensions, so the host composes it like them.
namespace NewsBot.Startup;

/// <summary>Registers and maps the admin web console at /admin (sign-in, pages, Hangfire dashboard).</summary>
public static class AdminServiceCollectionExtensions
{
    private const string Scheme = AdminAuth.Scheme;
    private const string Policy = AdminAuth.Policy;
    private const string BasePath = AdminAuth.BasePath;

    public static IServiceCollection AddNewsBotAdmin(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<AdminOptions>>((forwarded, admin) => TrustedProxies.Configure(forwarded, admin.Value));
        services.AddSingleton<AdminPassword>();
        services.AddSingleton<SignInLockout>();
        services.AddSingleton<AdminSessions>();
        services.AddSingleton<OpmlImporter>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "NewsBotAdmin.Antiforgery";
            o.Cookie.Path = BasePath;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication()
            .AddCookie(Scheme, o =>
            {
                o.Cookie.Name = "NewsBotAdmin";
                o.Cookie.Path = BasePath;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // and always behind a trusted proxy:
                o.CookieManager = new SecureBehindProxyCookies(new ChunkingCookieManager());
                o.Events.OnValidatePrincipal = AdminSessions.ValidateAsync; // signed out on the server means signed out
                o.LoginPath = BasePath + "/login";
                o.LogoutPath = BasePath + "/logout";
                o.AccessDeniedPath = BasePath + "/login";
                o.SlidingExpiration = true;
            });
        services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<IOptions<AdminOptions>>((c, admin) => c.ExpireTimeSpan = admin.Value.SessionLifetime);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Maps nothing when no password is configured, so every /admin address answers 404.</summary>
    public static WebApplication MapNewsBotAdmin(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<AdminOptions>>().Value.Enabled) return app;
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.Use(RefuseForgedFormsAsync);

        var admin = app.MapGroup(BasePath);
        admin.MapGet("/admin.css", AdminLayout.Stylesheet);
        SignInEndpoints.Map(admin);

        var pages = admin.MapGroup("").RequireAuthorization(Policy);
        pages.MapGet("/", () => Results.Redirect(BasePath + "/sources"));
        SourceEndpoints.Map(pages);
        OpmlEndpoints.Map(pages);
        ChatEndpoints.Map(pages);
        ActivityEndpoints.Map(pages);

        app.MapHangfireDashboard(BasePath + "/jobs", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorization()],
            AppPath = BasePath,
            DashboardTitle = "NewsBot jobs",
        }).RequireAuthorization(Policy);
        return app;
    }

    /// <summary>
    /// The antiforgery middleware only records its verdict; without this a form with a missing or
    /// stale token would end in an empty 400. The admin gets a page saying what to do instead.
    /// </summary>
    private static async Task RefuseForgedFormsAsync(HttpContext ctx, RequestDelegate next)
    {
        if (ctx.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
            && ctx.Request.Path.StartsWithSegments(BasePath, StringComparison.Ordinal))
        {
            var page = AdminLayout.Page(ctx, "Form refused", AdminLayout.Message(
                "The form's security token was missing or out of date (the page may be from before you signed in or out). " +
                "Go back, reload the page and send the form again.", error: true), signedIn: false, status: StatusCodes.Status400BadRequest);
            await page.ExecuteAsync(ctx);
            return;
        }
        await next(ctx);
    }
}
