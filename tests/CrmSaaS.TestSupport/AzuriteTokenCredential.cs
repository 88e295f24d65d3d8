using System.Text;
using System.Text.Json;
using Azure.Core;

namespace CrmSaaS.TestSupport;

/// <summary>
/// Stands in for a managed identity against Azurite's <c>--oauth basic</c> mode, which checks a token's issuer,
/// audience and lifetime but not its signature. The token is unsigned and worthless anywhere else.
/// </summary>
public sealed class AzuriteTokenCredential : TokenCredential
{
    public const string TenantId = "2f1a7f2e-3c55-4c1b-9d2a-0f6b8f6d1a10";
    public const string ObjectId = "6b2f0c1e-8a4d-4f55-a1c3-3d5e7f9a0b21";

    private int _requests;

    /// <summary>How many tokens were handed out; the bearer policy caches them, so this stays small.</summary>
    public int TokenRequests => Volatile.Read(ref _requests);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        if (!requestContext.Scopes.Contains("https://storage.azure.com/.default"))
        {
            throw new InvalidOperationException($"Unexpected scopes: {string.Join(' ', requestContext.Scopes)}.");
        }

        var now = DateTimeOffset.UtcNow;
        var expires = now.AddHours(1);
        var header = Encode(new { alg = "RS256", typ = "JWT" });
        var payload = Encode(new
        {
            aud = "https://storage.azure.com",
            iss = $"https://sts.windows.net/{TenantId}/",
            iat = now.AddMinutes(-1).ToUnixTimeSeconds(),
            nbf = now.AddMinutes(-1).ToUnixTimeSeconds(),
            exp = expires.ToUnixTimeSeconds(),
            oid = ObjectId,
            tid = TenantId,
        });
        return new AccessToken($"{header}.{payload}.{Base64Url(Encoding.UTF8.GetBytes("unsigned"))}", expires);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    private static string Encode(object value) => Base64Url(JsonSerializer.SerializeToUtf8Bytes(value));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
