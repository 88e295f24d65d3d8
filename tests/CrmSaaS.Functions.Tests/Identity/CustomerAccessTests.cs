using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Identity;

public sealed class CustomerAccessTests(CrmApp app) : IClassFixture<CrmApp>
{
    private const string CustomerPassword = "cliente-senha-1";

    private sealed record AccessList(List<PortalAccessItem> Items, string? Continuation);

    private async Task<(SignedUpTenant Tenant, HttpClient Admin, string CustomerId)> TenantWithCustomerAsync(string tradeName = "Fornecedor")
    {
        var tenant = await IdentityTestData.SignUpAsync(app, tradeName);
        var admin = app.WithToken((await IdentityTestData.LoginAsync(app, tenant.Email)).AccessToken);
        var customerId = await IdentityTestData.CreateCustomerAsync(app, tenant.TenantId, "Padaria Pão Bom");
        return (tenant, admin, customerId);
    }

    private async Task<string> InviteTokenAsync(HttpClient staff, SignedUpTenant tenant, string customerId, string email, string name = "Carla Cliente")
    {
        await (await staff.PostAsJsonAsync($"/api/customers/{customerId}/portal-access", new PortalAccessRequest(null, name, email)))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        return await IdentityTestData.TokenFromEmailAsync(app, email, "área do cliente", $"#/cliente/{tenant.Slug}/convite?token=");
    }

    private async Task<CustomerSession> AcceptAsync(SignedUpTenant tenant, string token) =>
        await (await app.Anonymous().PostAsJsonAsync($"/api/customer-auth/{tenant.Slug}/accept-invitation", new TokenPasswordRequest(token, CustomerPassword)))
            .ReadAsync<CustomerSession>();

    private Task<HttpResponseMessage> CustomerLoginAsync(string slug, string email, string password = CustomerPassword) =>
        app.Anonymous().PostAsJsonAsync($"/api/customer-auth/{slug}/login", new LoginRequest(email, password));

    [Fact]
    public async Task Invited_contact_sets_a_password_and_gets_a_customer_token()
    {
        var (tenant, admin, customerId) = await TenantWithCustomerAsync("Fornecedor Alfa");
        var email = IdentityTestData.UniqueEmail("carla");

        var granted = await (await admin.PostAsJsonAsync($"/api/customers/{customerId}/portal-access", new PortalAccessRequest(null, "Carla Cliente", email)))
            .ReadAsync<PortalAccessItem>(HttpStatusCode.Created);
        granted.Status.ShouldBe(PortalAccessStatus.Invited);
        await app.DrainQueuesAsync();
        var message = await app.MailDev.WaitForEmailAsync(email, "área do cliente");
        message.Subject.ShouldContain("Fornecedor Alfa");
        var token = IdentityTestData.TokenOf(message, $"#/cliente/{tenant.Slug}/convite?token=");

        var session = await AcceptAsync(tenant, token);

        session.Customer.ShouldBe(new CustomerView(granted.ContactId, "Carla Cliente", customerId, "Padaria Pão Bom", "Fornecedor Alfa", tenant.Slug));
        var whoami = await (await app.WithToken(session.AccessToken).GetAsync("/api/customer/whoami")).ReadAsync<WhoAmIApi.WhoAmI>();
        whoami.CustomerId.ShouldBe(customerId);
        whoami.TenantId.ShouldBe(tenant.TenantId);
        await (await app.WithToken(session.AccessToken).GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        var login = await (await CustomerLoginAsync(tenant.Slug, email.ToUpperInvariant())).ReadAsync<CustomerSession>();
        login.Customer.CustomerId.ShouldBe(customerId);
        var contact = await IdentityTestData.ReadRowAsync(app, tenant.TenantId, $"customer-contact|{customerId}|{granted.ContactId}");
        contact.ShouldNotBeNull().GetBoolean("PortalAccess").ShouldBe(true);
        var list = await (await admin.GetAsync($"/api/customers/{customerId}/portal-access")).ReadAsync<AccessList>();
        list.Items.Single().Status.ShouldBe(PortalAccessStatus.Active);
        await (await app.Anonymous().PostAsJsonAsync($"/api/customer-auth/{tenant.Slug}/accept-invitation", new TokenPasswordRequest(token, CustomerPassword)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, IdentityErrors.InvalidToken);
    }

    [Fact]
    public async Task Access_can_be_granted_to_an_existing_contact()
    {
        var (tenant, admin, customerId) = await TenantWithCustomerAsync();
        var contactId = Ids.New();
        var email = IdentityTestData.UniqueEmail("contato");
        await IdentityTestData.WriteRowsAsync(app, tenant.TenantId, table =>
        {
            var row = table.NewEntity($"customer-contact|{customerId}|{contactId}");
            row["Id"] = contactId;
            row["CustomerId"] = customerId;
            row["Name"] = "Rui Contato";
            row["Email"] = email;
            row["PortalAccess"] = false;
            return [row];
        });

        var granted = await (await admin.PostAsJsonAsync($"/api/customers/{customerId}/portal-access", new PortalAccessRequest(contactId, null, null)))
            .ReadAsync<PortalAccessItem>(HttpStatusCode.Created);

        granted.ContactId.ShouldBe(contactId);
        granted.Name.ShouldBe("Rui Contato");
        granted.Email.ShouldBe(email);
        await app.DrainQueuesAsync();
        await app.MailDev.WaitForEmailAsync(email, "área do cliente");
        await (await admin.PostAsJsonAsync($"/api/customers/{customerId}/portal-access", new PortalAccessRequest(Ids.New(), "X", email)))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Same_email_is_a_separate_login_in_each_tenant()
    {
        var email = IdentityTestData.UniqueEmail("compras");
        var (tenantA, adminA, customerA) = await TenantWithCustomerAsync("Fornecedor A");
        var (tenantB, adminB, customerB) = await TenantWithCustomerAsync("Fornecedor B");
        var tokenA = await InviteTokenAsync(adminA, tenantA, customerA, email);
        await AcceptAsync(tenantA, tokenA);
        var tokenB = await InviteTokenAsync(adminB, tenantB, customerB, email);
        await (await app.Anonymous().PostAsJsonAsync($"/api/customer-auth/{tenantB.Slug}/accept-invitation", new TokenPasswordRequest(tokenB, "outra-senha-do-b2")))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        var inA = await (await CustomerLoginAsync(tenantA.Slug, email)).ReadAsync<CustomerSession>();
        var inB = await (await CustomerLoginAsync(tenantB.Slug, email, "outra-senha-do-b2")).ReadAsync<CustomerSession>();

        inA.Customer.TenantSlug.ShouldBe(tenantA.Slug);
        inB.Customer.CustomerId.ShouldBe(customerB);
        await (await CustomerLoginAsync(tenantB.Slug, email)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, IdentityErrors.InvalidCredentials);
        await (await app.Anonymous().PostAsJsonAsync($"/api/customer-auth/{tenantA.Slug}/accept-invitation", new TokenPasswordRequest(tokenB, CustomerPassword)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, IdentityErrors.InvalidToken);
    }

    [Fact]
    public async Task Customer_refresh_rotates_and_logout_revokes()
    {
        var (tenant, admin, customerId) = await TenantWithCustomerAsync();
        var session = await AcceptAsync(tenant, await InviteTokenAsync(admin, tenant, customerId, IdentityTestData.UniqueEmail()));

        var refreshed = await (await app.Anonymous().PostAsJsonAsync("/api/customer-auth/refresh", new RefreshRequest(session.RefreshToken))).ReadAsync<CustomerSession>();
        refreshed.Customer.ShouldBe(session.Customer);
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(refreshed.RefreshToken)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await app.Anonymous().PostAsJsonAsync("/api/customer-auth/logout", new RefreshRequest(refreshed.RefreshToken))).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await app.Anonymous().PostAsJsonAsync("/api/customer-auth/refresh", new RefreshRequest(refreshed.RefreshToken)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await app.Anonymous().PostAsJsonAsync("/api/customer-auth/refresh", new RefreshRequest(session.RefreshToken)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task Revoked_access_ends_login_and_refresh_and_can_be_granted_again()
    {
        var (tenant, admin, customerId) = await TenantWithCustomerAsync();
        var email = IdentityTestData.UniqueEmail();
        var session = await AcceptAsync(tenant, await InviteTokenAsync(admin, tenant, customerId, email));

        await (await admin.DeleteAsync($"/api/customers/{customerId}/portal-access/{session.Customer.ContactId}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await CustomerLoginAsync(tenant.Slug, email)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, IdentityErrors.InvalidCredentials);
        await (await app.Anonymous().PostAsJsonAsync("/api/customer-auth/refresh", new RefreshRequest(session.RefreshToken)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        var list = await (await admin.GetAsync($"/api/customers/{customerId}/portal-access")).ReadAsync<AccessList>();
        list.Items.Single().Status.ShouldBe(PortalAccessStatus.Revoked);

        await (await admin.PostAsJsonAsync($"/api/customers/{customerId}/portal-access", new PortalAccessRequest(session.Customer.ContactId, null, null)))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        var token = await IdentityTestData.TokenFromEmailAsync(app, email, "área do cliente", $"#/cliente/{tenant.Slug}/convite?token=");
        var again = await AcceptAsync(tenant, token);
        again.Customer.ContactId.ShouldBe(session.Customer.ContactId);
        await (await app.Anonymous().PostAsJsonAsync("/api/customer-auth/refresh", new RefreshRequest(session.RefreshToken)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task An_email_with_access_cannot_be_given_to_another_contact()
    {
        var (tenant, admin, customerId) = await TenantWithCustomerAsync();
        var otherCustomer = await IdentityTestData.CreateCustomerAsync(app, tenant.TenantId, "Outro Cliente");
        var email = IdentityTestData.UniqueEmail();
        await InviteTokenAsync(admin, tenant, customerId, email, "Primeiro");

        var problem = await (await admin.PostAsJsonAsync($"/api/customers/{otherCustomer}/portal-access", new PortalAccessRequest(null, "Segundo", email)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate);

        problem.GetProperty("detail").GetString()!.ShouldContain("Primeiro");
    }

    [Fact]
    public async Task Customer_login_locks_after_five_failures()
    {
        var (tenant, admin, customerId) = await TenantWithCustomerAsync();
        var email = IdentityTestData.UniqueEmail();
        await AcceptAsync(tenant, await InviteTokenAsync(admin, tenant, customerId, email));
        for (var i = 0; i < 4; i++)
        {
            await (await CustomerLoginAsync(tenant.Slug, email, "errada-12345")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, IdentityErrors.InvalidCredentials);
        }

        await (await CustomerLoginAsync(tenant.Slug, email, "errada-12345")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, IdentityErrors.LockedOut);
        await (await CustomerLoginAsync(tenant.Slug, email)).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, IdentityErrors.LockedOut);
    }

    [Fact]
    public async Task Customer_password_reset_by_emailed_link()
    {
        var (tenant, admin, customerId) = await TenantWithCustomerAsync();
        var email = IdentityTestData.UniqueEmail();
        var session = await AcceptAsync(tenant, await InviteTokenAsync(admin, tenant, customerId, email));

        await (await app.Anonymous().PostAsJsonAsync($"/api/customer-auth/{tenant.Slug}/password-reset", new EmailRequest(email))).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        var token = await IdentityTestData.TokenFromEmailAsync(app, email, "Redefinição de senha", $"#/cliente/{tenant.Slug}/redefinir-senha?token=");
        await (await app.Anonymous().PostAsJsonAsync($"/api/customer-auth/{tenant.Slug}/password-reset/confirm", new TokenPasswordRequest(token, "nova-senha-cliente-9")))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await CustomerLoginAsync(tenant.Slug, email)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, IdentityErrors.InvalidCredentials);
        await (await CustomerLoginAsync(tenant.Slug, email, "nova-senha-cliente-9")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await app.Anonymous().PostAsJsonAsync("/api/customer-auth/refresh", new RefreshRequest(session.RefreshToken)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await app.Anonymous().PostAsJsonAsync($"/api/customer-auth/{tenant.Slug}/password-reset/confirm", new TokenPasswordRequest(token, "terceira-senha-1")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, IdentityErrors.InvalidToken);
        var unknown = IdentityTestData.UniqueEmail();
        await (await app.Anonymous().PostAsJsonAsync($"/api/customer-auth/{tenant.Slug}/password-reset", new EmailRequest(unknown))).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Archived_customer_loses_area_access()
    {
        var (tenant, admin, customerId) = await TenantWithCustomerAsync();
        var email = IdentityTestData.UniqueEmail();
        await AcceptAsync(tenant, await InviteTokenAsync(admin, tenant, customerId, email));
        var row = (await IdentityTestData.ReadRowAsync(app, tenant.TenantId, "customer|" + customerId))!;
        row["Status"] = "archived";
        await IdentityTestData.WriteRowsAsync(app, tenant.TenantId, _ => [row]);

        await (await CustomerLoginAsync(tenant.Slug, email)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, IdentityErrors.AccountDisabled);
        await (await admin.PostAsJsonAsync($"/api/customers/{customerId}/portal-access", new PortalAccessRequest(null, "Nova", IdentityTestData.UniqueEmail())))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);
    }

    [Fact]
    public async Task Portal_access_of_a_missing_customer_is_404_and_unknown_slug_is_404()
    {
        var (_, admin, _) = await TenantWithCustomerAsync();

        await (await admin.PostAsJsonAsync($"/api/customers/{Ids.New()}/portal-access", new PortalAccessRequest(null, "X", IdentityTestData.UniqueEmail())))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await (await admin.GetAsync($"/api/customers/{Ids.New()}/portal-access")).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await (await CustomerLoginAsync("empresa-que-nao-existe", IdentityTestData.UniqueEmail())).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Theory]
    [InlineData(Roles.Operations)]
    [InlineData(Roles.Finance)]
    public async Task Only_admin_and_sales_manage_portal_access(string role)
    {
        var (_, admin, customerId) = await TenantWithCustomerAsync();
        var (colleague, _) = await IdentityTestData.InviteAndAcceptAsync(app, admin, role);
        var (seller, _) = await IdentityTestData.InviteAndAcceptAsync(app, admin, Roles.Sales);
        var other = app.WithToken(colleague.AccessToken);

        await (await other.PostAsJsonAsync($"/api/customers/{customerId}/portal-access", new PortalAccessRequest(null, "X", IdentityTestData.UniqueEmail())))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await other.GetAsync($"/api/customers/{customerId}/portal-access")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await other.DeleteAsync($"/api/customers/{customerId}/portal-access/{Ids.New()}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);

        var bySales = await app.WithToken(seller.AccessToken).PostAsJsonAsync(
            $"/api/customers/{customerId}/portal-access", new PortalAccessRequest(null, "Pelo Vendedor", IdentityTestData.UniqueEmail()));
        await bySales.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }
}
