using System.Net.Http.Json;
using System.Text.Json;

namespace CrmSaaS.TestSupport;

/// <summary>A company signed up and confirmed through the public API, with its admin's credentials.</summary>
public sealed record SignedUpTenant(string Email, string Password, string TenantId, string Slug, string TradeName);

/// <summary>
/// The public sign-up path as a client walks it: sign up, confirm the admin's e-mail from the real message in MailDev,
/// log in. Shared by the browser tests and the benchmark, which each need fresh tenants.
/// </summary>
public static class TenantSignUp
{
    public const string Password = "SenhaForte2026";

    public static async Task<SignedUpTenant> SignUpAndConfirmAsync(
        HttpClient api, MailDevInstance mail, string portalUrl, string companyName, string taxId, string adminName, string emailDomain)
    {
        var email = $"admin.{Guid.NewGuid():N}@{emailDomain}";
        var tradeName = $"{companyName} {Guid.NewGuid().ToString("N")[..6]}";
        var response = await api.PostAsJsonAsync("/api/auth/signup", new
        {
            legalName = companyName + " Ltda",
            tradeName,
            taxId,
            adminName,
            email,
            password = Password,
        });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();

        var confirmation = await mail.WaitForEmailAsync(email, "Confirme");
        (await api.PostAsJsonAsync("/api/auth/confirm-email", new { token = confirmation.TokenOfLink(portalUrl) })).EnsureSuccessStatusCode();
        return new SignedUpTenant(email, Password, created.GetProperty("tenantId").GetString()!, created.GetProperty("slug").GetString()!, tradeName);
    }

    /// <summary>Logs a staff user in through the API and returns the access token.</summary>
    public static async Task<string> LogInAsync(HttpClient api, string email, string password)
    {
        var response = await api.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
