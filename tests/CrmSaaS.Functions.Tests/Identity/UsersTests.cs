using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Identity;

public sealed class UsersTests(CrmApp app) : IClassFixture<CrmApp>
{
    private sealed record UserList(List<UserSummary> Items, string? Continuation);

    private async Task<(SignedUpTenant Tenant, StaffSession Admin, HttpClient Client)> AdminAsync()
    {
        var tenant = await IdentityTestData.SignUpAsync(app, "Equipe " + Guid.NewGuid().ToString("N")[..6]);
        var admin = await IdentityTestData.LoginAsync(app, tenant.Email);
        return (tenant, admin, app.WithToken(admin.AccessToken));
    }

    [Fact]
    public async Task Invited_colleague_sets_a_password_and_logs_in_with_the_role()
    {
        var (tenant, _, admin) = await AdminAsync();
        var email = IdentityTestData.UniqueEmail("bia");

        var invited = await (await admin.PostAsJsonAsync("/api/users/invitations", new InviteUserRequest(email, "Bia", Roles.Operations)))
            .ReadAsync<UserSummary>(HttpStatusCode.Created);
        invited.Status.ShouldBe(UserStatus.Invited);
        await app.DrainQueuesAsync();
        var message = await app.MailDev.WaitForEmailAsync(email, "Convite");
        message.Subject.ShouldContain(tenant.TradeName);
        message.Text!.ShouldContain("Operações");
        var token = IdentityTestData.TokenOf(message, "#/convite?token=");

        var accepted = await (await app.Anonymous().PostAsJsonAsync("/api/auth/accept-invitation", new AcceptInvitationRequest(token, "Beatriz Souza", IdentityTestData.Password)))
            .ReadAsync<StaffSession>();

        accepted.User.Id.ShouldBe(invited.Id);
        accepted.User.Name.ShouldBe("Beatriz Souza");
        accepted.User.Roles.ShouldBe([Roles.Operations]);
        accepted.User.EmailConfirmed.ShouldBeTrue();
        (await IdentityTestData.LoginAsync(app, email)).User.Roles.ShouldBe([Roles.Operations]);
        var list = await (await admin.GetAsync("/api/users")).ReadAsync<UserList>();
        list.Items.Single(u => u.Id == invited.Id).Status.ShouldBe(UserStatus.Active);
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/accept-invitation", new AcceptInvitationRequest(token, "Outra", IdentityTestData.Password)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, IdentityErrors.InvalidToken);
    }

    [Fact]
    public async Task Invited_user_cannot_log_in_before_accepting()
    {
        var (_, _, admin) = await AdminAsync();
        var email = IdentityTestData.UniqueEmail();
        await (await admin.PostAsJsonAsync("/api/users/invitations", new InviteUserRequest(email, "Caio", Roles.Sales))).ShouldHaveStatusAsync(HttpStatusCode.Created);

        await (await IdentityTestData.TryLoginAsync(app, email, "")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, IdentityErrors.InvalidCredentials);
    }

    [Fact]
    public async Task Accepting_needs_a_strong_password()
    {
        var (_, _, admin) = await AdminAsync();
        var email = IdentityTestData.UniqueEmail();
        await admin.PostAsJsonAsync("/api/users/invitations", new InviteUserRequest(email, "Davi", Roles.Sales));
        var token = await IdentityTestData.TokenFromEmailAsync(app, email, "Convite", "#/convite?token=");

        var weak = await app.Anonymous().PostAsJsonAsync("/api/auth/accept-invitation", new AcceptInvitationRequest(token, "Davi", "123"));

        var problem = await weak.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        problem.GetProperty("errors").GetProperty("password")[0].GetString().ShouldBe(Passwords.RuleMessage);
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/accept-invitation", new AcceptInvitationRequest(token, "Davi", IdentityTestData.Password)))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Inviting_again_voids_the_earlier_link()
    {
        var (_, _, admin) = await AdminAsync();
        var email = IdentityTestData.UniqueEmail();
        await admin.PostAsJsonAsync("/api/users/invitations", new InviteUserRequest(email, "Eva", Roles.Sales));
        var first = await IdentityTestData.TokenFromEmailAsync(app, email, "Convite", "#/convite?token=");

        var again = await (await admin.PostAsJsonAsync("/api/users/invitations", new InviteUserRequest(email, "Eva", Roles.Finance)))
            .ReadAsync<UserSummary>(HttpStatusCode.Created);
        await app.DrainQueuesAsync();
        var emails = await app.MailDev.EmailsToAsync(email);
        emails.Count.ShouldBe(2);
        var second = IdentityTestData.TokenOf(emails[^1], "#/convite?token=");

        again.Role.ShouldBe(Roles.Finance);
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/accept-invitation", new AcceptInvitationRequest(first, "Eva", IdentityTestData.Password)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, IdentityErrors.InvalidToken);
        var session = await (await app.Anonymous().PostAsJsonAsync("/api/auth/accept-invitation", new AcceptInvitationRequest(second, "Eva", IdentityTestData.Password)))
            .ReadAsync<StaffSession>();
        session.User.Roles.ShouldBe([Roles.Finance]);
    }

    [Fact]
    public async Task An_email_already_in_use_cannot_be_invited()
    {
        var (tenant, _, admin) = await AdminAsync();
        var (_, _, otherAdmin) = await AdminAsync();

        await (await admin.PostAsJsonAsync("/api/users/invitations", new InviteUserRequest(tenant.Email, "Eu", Roles.Sales)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate);
        var problem = await (await otherAdmin.PostAsJsonAsync("/api/users/invitations", new InviteUserRequest(tenant.Email, "Eu", Roles.Sales)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.Duplicate);
        problem.GetProperty("detail").GetString()!.ShouldContain("já está em uso");
    }

    [Fact]
    public async Task Invitation_input_is_validated()
    {
        var (_, _, admin) = await AdminAsync();

        var problem = await (await admin.PostAsJsonAsync("/api/users/invitations", new InviteUserRequest("x", "", "chefe")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);

        var errors = problem.GetProperty("errors");
        errors.GetProperty("email")[0].GetString().ShouldBe(EmailAddresses.InvalidMessage);
        errors.GetProperty("name")[0].GetString()!.ShouldContain("nome");
        errors.GetProperty("role")[0].GetString()!.ShouldContain("Financeiro");
    }

    [Fact]
    public async Task Users_list_shows_roles_and_statuses_and_searches()
    {
        var (tenant, admin, client) = await AdminAsync();
        await IdentityTestData.InviteAndAcceptAsync(app, client, Roles.Sales, "Conceição Vendas");
        var pendingEmail = IdentityTestData.UniqueEmail();
        await client.PostAsJsonAsync("/api/users/invitations", new InviteUserRequest(pendingEmail, "Fábio", Roles.Finance));

        var list = await (await client.GetAsync("/api/users")).ReadAsync<UserList>();

        list.Items.Count.ShouldBe(3);
        list.Continuation.ShouldBeNull();
        list.Items.Single(u => u.Id == admin.User.Id).ShouldBe(new UserSummary(admin.User.Id, "Ana Administradora", tenant.Email, Roles.Admin, UserStatus.Pending));
        list.Items.Single(u => u.Email == pendingEmail).Status.ShouldBe(UserStatus.Invited);
        var found = await (await client.GetAsync("/api/users?q=conceicao")).ReadAsync<UserList>();
        found.Items.Single().Name.ShouldBe("Conceição Vendas");
        var paged = await (await client.GetAsync("/api/users?pageSize=2")).ReadAsync<UserList>();
        paged.Items.Count.ShouldBe(2);
        var rest = await (await client.GetAsync($"/api/users?pageSize=2&continuation={paged.Continuation}")).ReadAsync<UserList>();
        rest.Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_only_admin_cannot_step_down()
    {
        var (_, admin, client) = await AdminAsync();
        var (colleague, _) = await IdentityTestData.InviteAndAcceptAsync(app, client, Roles.Sales);

        var demote = await client.PutAsJsonAsync($"/api/users/{admin.User.Id}/role", new ChangeRoleRequest(Roles.Sales));

        var problem = await demote.ShouldBeProblemAsync(HttpStatusCode.Conflict, IdentityErrors.LastAdmin);
        problem.GetProperty("detail").GetString()!.ShouldContain("pelo menos um administrador ativo");

        // With a second admin, the first may step down; then the second is the only one.
        await (await client.PutAsJsonAsync($"/api/users/{colleague.User.Id}/role", new ChangeRoleRequest(Roles.Admin))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var stepDown = await (await client.PutAsJsonAsync($"/api/users/{admin.User.Id}/role", new ChangeRoleRequest(Roles.Sales))).ReadAsync<UserSummary>();
        stepDown.Role.ShouldBe(Roles.Sales);
        var newAdmin = await RefreshedClientAsync(colleague);
        await (await newAdmin.PutAsJsonAsync($"/api/users/{colleague.User.Id}/role", new ChangeRoleRequest(Roles.Finance)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, IdentityErrors.LastAdmin);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_disabled_or_demoted_by_a_former_admin()
    {
        var (_, admin, client) = await AdminAsync();
        var (colleague, _) = await IdentityTestData.InviteAndAcceptAsync(app, client, Roles.Sales);
        await (await client.PutAsJsonAsync($"/api/users/{colleague.User.Id}/role", new ChangeRoleRequest(Roles.Admin))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var former = await RefreshedClientAsync(colleague);
        await (await client.PutAsJsonAsync($"/api/users/{colleague.User.Id}/role", new ChangeRoleRequest(Roles.Sales))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        // The former admin's access token still carries "admin" until it expires; the rule is checked on the records.
        await (await former.PostAsync($"/api/users/{admin.User.Id}/disable", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, IdentityErrors.LastAdmin);
        await (await former.PutAsJsonAsync($"/api/users/{admin.User.Id}/role", new ChangeRoleRequest(Roles.Finance)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, IdentityErrors.LastAdmin);
        (await IdentityTestData.LoginAsync(app, admin.User.Email)).User.Roles.ShouldBe([Roles.Admin]);
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_one_admin()
    {
        var (_, admin, client) = await AdminAsync();
        var (colleague, _) = await IdentityTestData.InviteAndAcceptAsync(app, client, Roles.Admin);
        var other = app.WithToken(colleague.AccessToken);

        var responses = await Task.WhenAll(
            client.PutAsJsonAsync($"/api/users/{colleague.User.Id}/role", new ChangeRoleRequest(Roles.Sales)),
            other.PutAsJsonAsync($"/api/users/{admin.User.Id}/role", new ChangeRoleRequest(Roles.Sales)));

        responses.Count(r => r.IsSuccessStatusCode).ShouldBe(1);
        var users = await (await client.GetAsync("/api/users")).ReadAsync<UserList>();
        users.Items.Count(u => u.Role == Roles.Admin).ShouldBe(1);
    }

    private async Task<HttpClient> RefreshedClientAsync(StaffSession session)
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(session.RefreshToken));
        return app.WithToken((await response.ReadAsync<StaffSession>()).AccessToken);
    }

    [Fact]
    public async Task An_admin_cannot_disable_themselves()
    {
        var (_, admin, client) = await AdminAsync();
        await IdentityTestData.InviteAndAcceptAsync(app, client, Roles.Admin);

        var problem = await (await client.PostAsync($"/api/users/{admin.User.Id}/disable", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidState);

        problem.GetProperty("detail").GetString()!.ShouldContain("próprio usuário");
    }

    [Fact]
    public async Task A_second_admin_can_be_disabled_and_the_role_must_be_known()
    {
        var (_, _, client) = await AdminAsync();
        var (other, _) = await IdentityTestData.InviteAndAcceptAsync(app, client, Roles.Admin);

        var disabled = await (await client.PostAsync($"/api/users/{other.User.Id}/disable", null)).ReadAsync<UserSummary>();

        disabled.Status.ShouldBe(UserStatus.Disabled);
        await (await client.PutAsJsonAsync($"/api/users/{other.User.Id}/role", new ChangeRoleRequest("gerente")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        await (await client.PostAsync($"/api/users/{Ids.New()}/disable", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Theory]
    [InlineData(Roles.Sales)]
    [InlineData(Roles.Operations)]
    [InlineData(Roles.Finance)]
    public async Task Only_admins_manage_users(string role)
    {
        var (tenant, admin, client) = await AdminAsync();
        var (colleague, _) = await IdentityTestData.InviteAndAcceptAsync(app, client, role);
        var notAdmin = app.WithToken(colleague.AccessToken);

        await (await notAdmin.PostAsJsonAsync("/api/users/invitations", new InviteUserRequest(IdentityTestData.UniqueEmail(), "X", Roles.Sales)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await notAdmin.GetAsync("/api/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await notAdmin.PutAsJsonAsync($"/api/users/{colleague.User.Id}/role", new ChangeRoleRequest(Roles.Admin)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await notAdmin.PostAsync($"/api/users/{admin.User.Id}/disable", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await notAdmin.PostAsync($"/api/users/{admin.User.Id}/enable", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        (await IdentityTestData.ReadRowAsync(app, tenant.TenantId, StaffUsers.Key(colleague.User.Id)))!.GetString("Role").ShouldBe(role);
        (await notAdmin.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Customer_tokens_are_refused_by_user_administration()
    {
        var response = await app.Customer(CrmApp.NewTenant(), "c1").GetAsync("/api/users");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }
}
