using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Storage;
using CrmSaaS.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSaaS.Functions.Tests.Identity;

/// <summary>A company signed up through the API, with its first admin's credentials.</summary>
public sealed record SignedUpTenant(string TenantId, string Slug, string Email, string Password, string TaxId, string TradeName);

/// <summary>Identity flows driven through the public API, with unique e-mails and tax ids per call.</summary>
public static class IdentityTestData
{
    public const string Password = "senha-forte-123";

    public static string UniqueEmail(string who = "pessoa") => $"{who}-{Guid.NewGuid():N}@example.com";

    public static SignupRequest NewSignup(string tradeName = "Empresa Teste", string? taxId = null, string? email = null) =>
        new("Empresa Teste Serviços Ltda", tradeName, taxId ?? TaxIdGenerator.Cnpj(Random.Shared).Formatted, "Ana Administradora",
            email ?? UniqueEmail("admin"), Password);

    public static async Task<SignedUpTenant> SignUpAsync(CrmApp app, string tradeName = "Empresa Teste", string? taxId = null)
    {
        var request = NewSignup(tradeName, taxId);
        var created = await (await app.Anonymous().PostAsJsonAsync("/api/auth/signup", request))
            .ReadAsync<SignupResponse>(HttpStatusCode.Created);
        return new SignedUpTenant(created.TenantId, created.Slug, request.Email!, Password, request.TaxId!, tradeName);
    }

    public static async Task<StaffSession> LoginAsync(CrmApp app, string email, string password = Password) =>
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/login", new LoginRequest(email, password))).ReadAsync<StaffSession>();

    public static Task<HttpResponseMessage> TryLoginAsync(CrmApp app, string email, string password) =>
        app.Anonymous().PostAsJsonAsync("/api/auth/login", new LoginRequest(email, password));

    /// <summary>Runs the e-mail queue and returns the token of the link in the e-mail to <paramref name="to"/>.</summary>
    public static async Task<string> TokenFromEmailAsync(CrmApp app, string to, string subject, string linkPrefix)
    {
        await app.DrainQueuesAsync();
        var email = await app.MailDev.WaitForEmailAsync(to, subject);
        return TokenOf(email, linkPrefix);
    }

    public static string TokenOf(ReceivedEmail email, string linkPrefix)
    {
        var link = email.LinkStartingWith(CrmApp.PortalBaseUrl + "/" + linkPrefix);
        return link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
    }

    /// <summary>Invites a colleague as the tenant's admin and accepts the invitation; returns the colleague's session.</summary>
    public static async Task<(StaffSession Session, string Email)> InviteAndAcceptAsync(CrmApp app, HttpClient admin, string role, string name = "Colega")
    {
        var email = UniqueEmail(role);
        await (await admin.PostAsJsonAsync("/api/users/invitations", new InviteUserRequest(email, name, role))).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var token = await TokenFromEmailAsync(app, email, "Convite", "#/convite?token=");
        var session = await (await app.Anonymous().PostAsJsonAsync("/api/auth/accept-invitation", new AcceptInvitationRequest(token, name, Password)))
            .ReadAsync<StaffSession>();
        return (session, email);
    }

    /// <summary>Writes rows straight into a tenant's partition, as the owning feature would (test arrangement only).</summary>
    public static async Task WriteRowsAsync(CrmApp app, string tenantId, Func<TenantTable, IEnumerable<TableEntity>> rows)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(tenantId, "teste");
        var table = scope.ServiceProvider.GetRequiredService<TenantTable>();
        foreach (var row in rows(table))
        {
            await table.UpsertAsync(row, TableUpdateMode.Replace);
        }
    }

    public static async Task<TableEntity?> ReadRowAsync(CrmApp app, string tenantId, string rowKey)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(tenantId, "teste");
        return await scope.ServiceProvider.GetRequiredService<TenantTable>().GetAsync(rowKey);
    }

    /// <summary>A billing customer row (<c>customer|&lt;id&gt;</c>, shape of docs/data-model.md), owned by the Customers feature.</summary>
    public static async Task<string> CreateCustomerAsync(CrmApp app, string tenantId, string tradeName = "Cliente Exemplo", string status = "active")
    {
        var id = Ids.New();
        var taxId = TaxIdGenerator.Cnpj(Random.Shared);
        await WriteRowsAsync(app, tenantId, table =>
        {
            var row = table.NewEntity("customer|" + id);
            row["Id"] = id;
            row["LegalName"] = tradeName + " Ltda";
            row["TradeName"] = tradeName;
            row["TaxId"] = taxId.Value;
            row["TaxIdKind"] = "cnpj";
            row["Email"] = "financeiro@cliente.example.com";
            row["Status"] = status;
            return [row];
        });
        return id;
    }

    /// <summary>A tenant profile row for a tenant made with <see cref="CrmApp.NewTenant"/> (no sign-up).</summary>
    public static Task WriteTenantProfileAsync(CrmApp app, TestTenant tenant) =>
        WriteRowsAsync(app, tenant.TenantId, table =>
        {
            var row = table.NewEntity("tenant");
            row["LegalName"] = tenant.Name + " Ltda";
            row["TradeName"] = tenant.Name;
            row["Slug"] = "sem-cadastro-" + tenant.TenantId.ToLowerInvariant();
            return [row];
        });

    public static TableClient Directory(CrmApp app) => app.Service<DirectoryTable>().Table;
}
