using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Identity;

public sealed class StaffSessionTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Login_returns_tokens_that_open_staff_endpoints()
    {
        var tenant = await IdentityTestData.SignUpAsync(app, "Loja Login");

        var session = await IdentityTestData.LoginAsync(app, "  " + tenant.Email.ToUpperInvariant());

        session.ExpiresIn.ShouldBe(15 * 60);
        session.RefreshToken.Length.ShouldBe(OneTimeTokens.Length);
        var me = await (await app.WithToken(session.AccessToken).GetAsync("/api/me")).ReadAsync<StaffUserView>();
        me.ShouldBeEquivalentTo(session.User);
        me.Email.ShouldBe(tenant.Email);
        me.TenantSlug.ShouldBe(tenant.Slug);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_answer()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);

        var wrongPassword = await (await IdentityTestData.TryLoginAsync(app, tenant.Email, "outra-senha-123"))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, IdentityErrors.InvalidCredentials);
        var unknownEmail = await (await IdentityTestData.TryLoginAsync(app, IdentityTestData.UniqueEmail(), IdentityTestData.Password))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, IdentityErrors.InvalidCredentials);

        wrongPassword.GetProperty("detail").GetString().ShouldBe("E-mail ou senha incorretos.");
        unknownEmail.GetProperty("detail").GetString().ShouldBe(wrongPassword.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);
        for (var i = 0; i < 4; i++)
        {
            await (await IdentityTestData.TryLoginAsync(app, tenant.Email, "errada-123456")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, IdentityErrors.InvalidCredentials);
        }

        var fifth = await (await IdentityTestData.TryLoginAsync(app, tenant.Email, "errada-123456"))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, IdentityErrors.LockedOut);
        var right = await (await IdentityTestData.TryLoginAsync(app, tenant.Email, tenant.Password))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, IdentityErrors.LockedOut);

        fifth.GetProperty("detail").GetString()!.ShouldContain("bloqueado por 15 minuto");
        right.GetProperty("detail").GetString()!.ShouldContain("bloqueado");
    }

    [Fact]
    public async Task A_correct_password_clears_earlier_failures()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);
        for (var i = 0; i < 4; i++)
        {
            await IdentityTestData.TryLoginAsync(app, tenant.Email, "errada-123456");
        }

        await IdentityTestData.LoginAsync(app, tenant.Email);
        for (var i = 0; i < 4; i++)
        {
            await (await IdentityTestData.TryLoginAsync(app, tenant.Email, "errada-123456")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, IdentityErrors.InvalidCredentials);
        }

        await IdentityTestData.LoginAsync(app, tenant.Email);
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_keeps_the_user()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);
        var login = await IdentityTestData.LoginAsync(app, tenant.Email);

        var refreshed = await (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(login.RefreshToken))).ReadAsync<StaffSession>();

        refreshed.RefreshToken.ShouldNotBe(login.RefreshToken);
        refreshed.User.ShouldBeEquivalentTo(login.User);
        await (await app.WithToken(refreshed.AccessToken).GetAsync("/api/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var next = await (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(refreshed.RefreshToken))).ReadAsync<StaffSession>();
        next.User.Id.ShouldBe(login.User.Id);
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);
        var login = await IdentityTestData.LoginAsync(app, tenant.Email);
        var refreshed = await (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(login.RefreshToken))).ReadAsync<StaffSession>();
        var otherSession = await IdentityTestData.LoginAsync(app, tenant.Email);

        var replay = await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(login.RefreshToken));

        await replay.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(refreshed.RefreshToken)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(otherSession.RefreshToken)))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);
        var login = await IdentityTestData.LoginAsync(app, tenant.Email);

        await (await app.Anonymous().PostAsJsonAsync("/api/auth/logout", new RefreshRequest(login.RefreshToken))).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(login.RefreshToken)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/logout", new RefreshRequest("nao-e-um-token"))).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Unknown_or_customer_refresh_tokens_are_refused_for_staff()
    {
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(OneTimeTokens.New())))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(null)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task Disabled_user_cannot_log_in_or_refresh_until_enabled()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);
        var admin = await IdentityTestData.LoginAsync(app, tenant.Email);
        var adminClient = app.WithToken(admin.AccessToken);
        var (colleague, email) = await IdentityTestData.InviteAndAcceptAsync(app, adminClient, Roles.Finance);

        await (await adminClient.PostAsync($"/api/users/{colleague.User.Id}/disable", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var login = await (await IdentityTestData.TryLoginAsync(app, email, IdentityTestData.Password))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, IdentityErrors.AccountDisabled);
        login.GetProperty("detail").GetString()!.ShouldContain("desativado");
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(colleague.RefreshToken)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);

        await (await adminClient.PostAsync($"/api/users/{colleague.User.Id}/enable", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await IdentityTestData.LoginAsync(app, email)).User.Roles.ShouldBe([Roles.Finance]);
    }

    [Fact]
    public async Task A_role_change_reaches_the_token_at_the_next_refresh()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);
        var adminClient = app.WithToken((await IdentityTestData.LoginAsync(app, tenant.Email)).AccessToken);
        var (colleague, _) = await IdentityTestData.InviteAndAcceptAsync(app, adminClient, Roles.Sales);

        await (await adminClient.PutAsJsonAsync($"/api/users/{colleague.User.Id}/role", new ChangeRoleRequest(Roles.Operations))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var refreshed = await (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(colleague.RefreshToken))).ReadAsync<StaffSession>();

        refreshed.User.Roles.ShouldBe([Roles.Operations]);
        var whoami = await (await app.WithToken(refreshed.AccessToken).GetAsync("/api/platform/whoami")).ReadAsync<WhoAmIApi.WhoAmI>();
        whoami.Roles.ShouldBe([Roles.Operations]);
    }

    [Fact]
    public async Task Me_needs_a_staff_token()
    {
        await (await app.Anonymous().GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await app.Customer(CrmApp.NewTenant(), "c1").GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }
}
