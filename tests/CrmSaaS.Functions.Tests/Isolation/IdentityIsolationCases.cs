using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Identity;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Isolation;

/// <summary>
/// Tenant B's admin on tenant A's users and on tenant A's customers' portal access: 404 every time.
/// (The customer-auth routes take a slug, not a record id: they are listed as not tenant records in IsolationTests.)
/// </summary>
public sealed class IdentityIsolationCases : IIsolationCases
{
    public IEnumerable<IsolationCase> Cases =>
    [
        new("PUT", "/api/users/{id}/role", async a => new IsolationRequest($"/api/users/{await InvitedUserAsync(a)}/role", new ChangeRoleRequest(Roles.Finance))),
        new("POST", "/api/users/{id}/disable", async a => new IsolationRequest($"/api/users/{await InvitedUserAsync(a)}/disable")),
        new("POST", "/api/users/{id}/enable", async a =>
        {
            var id = await InvitedUserAsync(a);
            await (await a.AdminA.PostAsync($"/api/users/{id}/disable", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
            return new IsolationRequest($"/api/users/{id}/enable");
        }),
        new("POST", "/api/customers/{customerId}/portal-access", async a =>
            new IsolationRequest($"/api/customers/{await CustomerAsync(a)}/portal-access", new PortalAccessRequest(null, "Intruso", IdentityTestData.UniqueEmail()))),
        new("GET", "/api/customers/{customerId}/portal-access", async a =>
        {
            var (customerId, _) = await GrantedAsync(a);
            return new IsolationRequest($"/api/customers/{customerId}/portal-access");
        }),
        new("DELETE", "/api/customers/{customerId}/portal-access/{contactId}", async a =>
        {
            var (customerId, contactId) = await GrantedAsync(a);
            return new IsolationRequest($"/api/customers/{customerId}/portal-access/{contactId}");
        }),
    ];

    private static async Task<string> InvitedUserAsync(IsolationArrange a)
    {
        await IdentityTestData.WriteTenantProfileAsync(a.App, a.TenantA);
        var response = await a.AdminA.PostAsJsonAsync("/api/users/invitations", new InviteUserRequest(IdentityTestData.UniqueEmail(), "Usuário A", Roles.Sales));
        return (await response.ReadAsync<UserSummary>(HttpStatusCode.Created)).Id;
    }

    private static async Task<string> CustomerAsync(IsolationArrange a)
    {
        await IdentityTestData.WriteTenantProfileAsync(a.App, a.TenantA);
        return await IdentityTestData.CreateCustomerAsync(a.App, a.TenantA.TenantId);
    }

    private static async Task<(string CustomerId, string ContactId)> GrantedAsync(IsolationArrange a)
    {
        var customerId = await CustomerAsync(a);
        var response = await a.AdminA.PostAsJsonAsync($"/api/customers/{customerId}/portal-access",
            new PortalAccessRequest(null, "Contato A", IdentityTestData.UniqueEmail()));
        return (customerId, (await response.ReadAsync<PortalAccessItem>(HttpStatusCode.Created)).ContactId);
    }
}
