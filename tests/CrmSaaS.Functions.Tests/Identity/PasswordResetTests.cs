using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Identity;

public sealed class PasswordResetTests(CrmApp app) : IClassFixture<CrmApp>
{
    private const string NewPassword = "nova-senha-456";

    [Fact]
    public async Task Reset_link_sets_a_new_password_once_and_ends_old_sessions()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);
        var oldSession = await IdentityTestData.LoginAsync(app, tenant.Email);

        await (await app.Anonymous().PostAsJsonAsync("/api/auth/password-reset", new EmailRequest(tenant.Email))).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        var token = await IdentityTestData.TokenFromEmailAsync(app, tenant.Email, "Redefinição de senha", "#/redefinir-senha?token=");
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/password-reset/confirm", new TokenPasswordRequest(token, NewPassword)))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await IdentityTestData.TryLoginAsync(app, tenant.Email, tenant.Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, IdentityErrors.InvalidCredentials);
        (await IdentityTestData.LoginAsync(app, tenant.Email, NewPassword)).User.EmailConfirmed.ShouldBeTrue();
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(oldSession.RefreshToken)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/password-reset/confirm", new TokenPasswordRequest(token, "outra-senha-789")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, IdentityErrors.InvalidToken);
    }

    [Fact]
    public async Task Reset_of_an_unknown_email_answers_the_same_and_sends_nothing()
    {
        var unknown = IdentityTestData.UniqueEmail("ninguem");

        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/password-reset", new EmailRequest(unknown));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        await app.DrainQueuesAsync();
        (await app.MailDev.EmailsToAsync(unknown)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Reset_unlocks_a_locked_account()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);
        for (var i = 0; i < 5; i++)
        {
            await IdentityTestData.TryLoginAsync(app, tenant.Email, "errada-123456");
        }

        await app.Anonymous().PostAsJsonAsync("/api/auth/password-reset", new EmailRequest(tenant.Email));
        var token = await IdentityTestData.TokenFromEmailAsync(app, tenant.Email, "Redefinição de senha", "#/redefinir-senha?token=");
        await (await app.Anonymous().PostAsJsonAsync("/api/auth/password-reset/confirm", new TokenPasswordRequest(token, NewPassword)))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await IdentityTestData.LoginAsync(app, tenant.Email, NewPassword);
    }

    [Fact]
    public async Task Reset_refuses_a_weak_password_without_using_the_link()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);
        await app.Anonymous().PostAsJsonAsync("/api/auth/password-reset", new EmailRequest(tenant.Email));
        var token = await IdentityTestData.TokenFromEmailAsync(app, tenant.Email, "Redefinição de senha", "#/redefinir-senha?token=");

        await (await app.Anonymous().PostAsJsonAsync("/api/auth/password-reset/confirm", new TokenPasswordRequest(token, "fraca")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);

        await (await app.Anonymous().PostAsJsonAsync("/api/auth/password-reset/confirm", new TokenPasswordRequest(token, NewPassword)))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_link_of_another_purpose_is_not_a_reset_link()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);
        var confirmation = await IdentityTestData.TokenFromEmailAsync(app, tenant.Email, "Confirme seu e-mail", "#/confirmar-email?token=");

        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/password-reset/confirm", new TokenPasswordRequest(confirmation, NewPassword));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, IdentityErrors.InvalidToken);
        problem.GetProperty("detail").GetString()!.ShouldContain("expirou");
        await IdentityTestData.LoginAsync(app, tenant.Email);
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_hashes()
    {
        var tenant = await IdentityTestData.SignUpAsync(app);
        var token = await IdentityTestData.TokenFromEmailAsync(app, tenant.Email, "Confirme seu e-mail", "#/confirmar-email?token=");
        var directory = IdentityTestData.Directory(app);

        var row = await directory.GetEntityIfExistsAsync(IdentityDirectory.TokenPartition, OneTimeTokens.Hash(token));

        row.ShouldNotBeNull();
        row.GetString("Purpose").ShouldBe(TokenPurposes.ConfirmEmail);
        row.GetString("TenantId").ShouldBe(tenant.TenantId);
        row.Values.OfType<string>().ShouldNotContain(token);
        await foreach (var stored in directory.QueryAsync($"PartitionKey eq '{IdentityDirectory.TokenPartition}'"))
        {
            stored.RowKey.ShouldNotBe(token);
            stored.Values.OfType<string>().ShouldNotContain(token);
        }
    }
}
