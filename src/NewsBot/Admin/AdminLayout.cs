using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Antiforgery;
using static NewsBot.Admin.SafeHtml;

namespace NewsBot.Admin;

/// <summary>The page frame every admin page shares: head, navigation, sign-out form, stylesheet.</summary>
internal static class AdminLayout
{
    private static readonly Lazy<string> Css = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("NewsBot.Admin.admin.css")
                           ?? throw new InvalidOperationException("Admin console: embedded resource admin.css is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IResult Stylesheet() => Results.Text(Css.Value, "text/css; charset=utf-8");

    /// <summary>A full page; <paramref name="signedIn"/> adds the navigation and the sign-out button.</summary>
    public static IResult Page(HttpContext ctx, string title, SafeHtml body, bool signedIn = true, int status = 200)
    {
        var nav = signedIn
            ? H($"""
                <nav>
                  <a href="/admin/sources">Sources</a> <a href="/admin/opml">OPML</a> <a href="/admin/chats">Chats</a>
                  <a href="/admin/activity">Activity</a> <a href="/admin/jobs">Jobs</a>
                  <form method="post" action="/admin/logout" class="inline">{Token(ctx)}<button type="submit">Sign out</button></form>
                </nav>
                """)
            : Empty;
        var html = H($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · NewsBot admin</title><link rel="stylesheet" href="/admin/admin.css"></head>
            <body><header><strong>NewsBot admin</strong>{nav}</header>
            <main><h1>{title}</h1>
            {body}
            </main></body></html>
            """);
        ctx.Response.Headers.CacheControl = "no-store";
        ctx.Response.Headers["X-Frame-Options"] = "DENY";
        ctx.Response.Headers["Content-Security-Policy"] = "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'";
        return Results.Content(html.Value, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>The antiforgery hidden field every form carries.</summary>
    public static SafeHtml Token(HttpContext ctx)
    {
        var tokens = ctx.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(ctx);
        return H($"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""");
    }

    public static SafeHtml Message(string? text, bool error = false) =>
        string.IsNullOrEmpty(text) ? Empty : H($"""<p class="{(error ? "error" : "notice")}" role="status">{text}</p>""");

    public static string When(DateTime? t) => t?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "never";
}
