using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsBot.Observability;

/// <summary>
/// Health as JSON: {"status":"Healthy","checks":{"database":{"status":"Healthy","description":"...","durationMs":3}}}.
/// Only descriptions go out, never exception details (stack traces, connection strings).
/// </summary>
public static class HealthResponseWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(http.Response.Body, Options);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", Describe(entry));
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    /// <summary>A check that threw or timed out has the exception's type and message as its story.</summary>
    private static string Describe(HealthReportEntry entry) =>
        entry.Exception switch
        {
            null => entry.Description ?? "",
            OperationCanceledException => "timed out",
            var e => $"{e.GetType().Name}: {e.Message}",
        };
}
