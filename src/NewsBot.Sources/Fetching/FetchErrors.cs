namespace NewsBot.Sources.Fetching;

/// <summary>Turns transport exceptions into the one-line cause shown on a source's health.</summary>
internal static class FetchErrors
{
    public static string Describe(Exception ex, Uri url)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
            if (inner is AddressNotAllowedException refused) return refused.Message;

        return ex switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => $"host '{url.Host}' not found",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => $"cannot connect to {url.Authority}: {Innermost(ex)}",
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => $"TLS with {url.Authority} failed: {Innermost(ex)}",
            HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "server closed the connection before the response was complete",
            InvalidDataException => $"body could not be decompressed: {ex.Message}",
            _ => Innermost(ex),
        };
    }

    private static string Innermost(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex.Message;
    }
}
