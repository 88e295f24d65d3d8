using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Identity;

/// <summary>
/// Issue 3's "done when", end to end through the API, SMTP (MailDev) and Azurite: sign-up → confirmation e-mail →
/// login → invite a colleague → the colleague sets a password and logs in with their role → a customer contact is
/// invited and logs in to the customer area.
/// </summary>
public sealed class IdentityJourneyTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task From_sign_up_to_a_colleague_and_a_customer_logged_in()
    {
        var anonymous = app.Anonymous();
        var adminEmail = IdentityTestData.UniqueEmail("dona");
        var signup = new SignupRequest("Refrigeração Polar Serviços Ltda", "Refrigeração Polar", "12.ABC.345/01DE-35", "Marina Dona", adminEmail, "Polar-2026-senha");

        var created = await (await anonymous.PostAsJsonAsync("/api/auth/signup", signup)).ReadAsync<SignupResponse>(HttpStatusCode.Created);
        created.Slug.ShouldBe("refrigeracao-polar");

        var confirmation = await IdentityTestData.TokenFromEmailAsync(app, adminEmail, "Confirme seu e-mail", "#/confirmar-email?token=");
        await (await anonymous.PostAsJsonAsync("/api/auth/confirm-email", new TokenRequest(confirmation))).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var admin = await (await anonymous.PostAsJsonAsync("/api/auth/login", new LoginRequest(adminEmail, "Polar-2026-senha"))).ReadAsync<StaffSession>();
        admin.User.EmailConfirmed.ShouldBeTrue();
        admin.User.TenantName.ShouldBe("Refrigeração Polar");
        var adminClient = app.WithToken(admin.AccessToken);

        var colleagueEmail = IdentityTestData.UniqueEmail("tecnico");
        await (await adminClient.PostAsJsonAsync("/api/users/invitations", new InviteUserRequest(colleagueEmail, "Tiago Técnico", Roles.Operations)))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        var invitation = await IdentityTestData.TokenFromEmailAsync(app, colleagueEmail, "Convite para a equipe de Refrigeração Polar", "#/convite?token=");
        await (await anonymous.PostAsJsonAsync("/api/auth/accept-invitation", new AcceptInvitationRequest(invitation, "Tiago Técnico", "tiago-senha-99")))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var colleague = await (await anonymous.PostAsJsonAsync("/api/auth/login", new LoginRequest(colleagueEmail, "tiago-senha-99"))).ReadAsync<StaffSession>();
        colleague.User.Roles.ShouldBe([Roles.Operations]);
        colleague.User.TenantId.ShouldBe(created.TenantId);
        await (await app.WithToken(colleague.AccessToken).GetAsync("/api/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);

        var customerId = await IdentityTestData.CreateCustomerAsync(app, created.TenantId, "Mercado Bom Preço");
        var contactEmail = IdentityTestData.UniqueEmail("compras");
        await (await adminClient.PostAsJsonAsync($"/api/customers/{customerId}/portal-access", new PortalAccessRequest(null, "Cláudia Compras", contactEmail)))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        var customerInvitation = await IdentityTestData.TokenFromEmailAsync(app, contactEmail, "área do cliente de Refrigeração Polar",
            "#/cliente/refrigeracao-polar/convite?token=");
        await (await anonymous.PostAsJsonAsync("/api/customer-auth/refrigeracao-polar/accept-invitation", new TokenPasswordRequest(customerInvitation, "claudia-senha-7")))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var customer = await (await anonymous.PostAsJsonAsync("/api/customer-auth/refrigeracao-polar/login", new LoginRequest(contactEmail, "claudia-senha-7")))
            .ReadAsync<CustomerSession>();

        customer.Customer.CustomerName.ShouldBe("Mercado Bom Preço");
        customer.Customer.ContactName.ShouldBe("Cláudia Compras");
        var whoami = await (await app.WithToken(customer.AccessToken).GetAsync("/api/customer/whoami")).ReadAsync<WhoAmIApi.WhoAmI>();
        whoami.CustomerId.ShouldBe(customerId);
        await (await app.WithToken(customer.AccessToken).GetAsync("/api/platform/whoami")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await app.WithToken(admin.AccessToken).GetAsync("/api/customer/whoami")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }
}
