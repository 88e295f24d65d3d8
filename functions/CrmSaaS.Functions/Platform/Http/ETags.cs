using Azure;

namespace CrmSaaS.Functions.Platform;

/// <summary>Optimistic concurrency over HTTP: the ETag a client read travels back in If-Match.</summary>
public static class ETags
{
    public const string PreconditionRequired = "precondition_required";

    /// <summary>The If-Match of an update; without one an update could silently overwrite someone else's change.</summary>
    public static ETag RequireIfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new AppException(428, PreconditionRequired,
                "Envie o cabeçalho If-Match com a versão (ETag) do registro que você leu, para não sobrescrever alterações de outra pessoa.");
        }

        return new ETag(value.Trim());
    }

    public static void SetETag(this HttpResponse response, ETag etag) => response.Headers.ETag = etag.ToString();
}
