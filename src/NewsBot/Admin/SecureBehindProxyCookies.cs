using Microsoft.AspNetCore.Authentication.Cookies;

namespace NewsBot.Admin;

/// <summary>
/// The session cookie is Secure whenever the console is reached over https — directly, or through a
/// trusted proxy that says so (X-Forwarded-Proto) — and also whenever a trusted proxy carried the
/// request at all: a proxy in front of the console stands for a public https site even when it does
/// not forward the scheme. Every cookie the handler writes goes through here (sign-in, sliding
/// renewal, sign-out), so none of them loses the flag.
/// </summary>
internal sealed class SecureBehindProxyCookies(ICookieManager inner) : ICookieManager
{
    public string? GetRequestCookie(HttpContext context, string key) => inner.GetRequestCookie(context, key);

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        inner.AppendResponseCookie(context, key, value, Secured(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        inner.DeleteCookie(context, key, Secured(context, options));

    private static CookieOptions Secured(HttpContext context, CookieOptions options)
    {
        if (context.Request.IsHttps || TrustedProxies.CameThroughTrustedProxy(context)) options.Secure = true;
        return options;
    }
}
