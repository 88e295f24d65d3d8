using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrmSaaS.Functions.Platform;

public sealed class JwtOptions
{
    public const string StaffAudience = "crmsaas-staff";
    public const string CustomerAudience = "crmsaas-customer";

    public string Issuer { get; set; } = "crmsaas";

    /// <summary>Current signing key (≥ 32 bytes; in Azure a Key Vault reference).</summary>
    public string? SigningKey { get; set; }

    /// <summary>The key before the last rotation: still accepted, never used to sign, until its tokens expire.</summary>
    public string? PreviousSigningKey { get; set; }

    public int AccessTokenMinutes { get; set; } = 15;

    public static bool IsUsableKey(string? key) =>
        !string.IsNullOrWhiteSpace(key)
        && Encoding.UTF8.GetByteCount(key) >= 32
        && !key.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
}

public static class ClaimNames
{
    public const string Tenant = "tid";
    public const string Customer = "cid";
    public const string Role = "role";
    public const string Name = "name";
    public const string Email = "email";
}

/// <summary>Issues and describes the signed access tokens (HMAC-SHA256) of staff and customers.</summary>
public sealed class TokenService(IOptions<JwtOptions> options, TimeProvider clock)
{
    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(options.Value.AccessTokenMinutes);

    public string IssueStaffToken(string tenantId, string userId, string name, string email, IEnumerable<string> roles)
    {
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, userId),
            new(ClaimNames.Tenant, tenantId),
            new(ClaimNames.Name, name),
            new(ClaimNames.Email, email),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimNames.Role, r)));
        return Issue(JwtOptions.StaffAudience, claims);
    }

    public string IssueCustomerToken(string tenantId, string customerId, string contactId, string contactName, string email) =>
        Issue(JwtOptions.CustomerAudience,
        [
            new(JwtRegisteredClaimNames.Sub, contactId),
            new(ClaimNames.Tenant, tenantId),
            new(ClaimNames.Customer, customerId),
            new(ClaimNames.Name, contactName),
            new(ClaimNames.Email, email),
        ]);

    private string Issue(string audience, IEnumerable<Claim> claims)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(AccessTokenLifetime),
            SigningCredentials = new SigningCredentials(CurrentKey(options.Value), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public static SymmetricSecurityKey CurrentKey(JwtOptions options) =>
        ToKey(options.SigningKey ?? throw new InvalidOperationException("Jwt:SigningKey is not configured."));

    public static IEnumerable<SecurityKey> ValidationKeys(JwtOptions options)
    {
        yield return CurrentKey(options);
        if (!string.IsNullOrWhiteSpace(options.PreviousSigningKey))
        {
            yield return ToKey(options.PreviousSigningKey);
        }
    }

    public static SymmetricSecurityKey ToKey(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("A JWT signing key must have at least 32 bytes.");
        }

        // The key id lets validation pick the right key after a rotation without trying each one.
        var keyId = Convert.ToHexString(SHA256.HashData(bytes))[..16];
        return new SymmetricSecurityKey(bytes) { KeyId = keyId };
    }
}
