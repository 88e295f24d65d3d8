using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSaaS.Functions.Tests.Identity;

/// <summary>The app with a clock the tests move forward (only the identity flows' expiry reads it here).</summary>
public sealed class ClockedApp : CrmApp
{
    public FakeClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class ExpiryTests : IClassFixture<ClockedApp>
{
    private readonly ClockedApp _app;

    public ExpiryTests(ClockedApp app)
    {
        // One app (and clock) for the class, one test instance per test: each test starts at the real time.
        _app = app;
        app.Clock.Reset();
    }

    [Fact]
    public async Task Lockout_ends_after_fifteen_minutes()
    {
        var tenant = await IdentityTestData.SignUpAsync(_app);
        for (var i = 0; i < 5; i++)
        {
            await IdentityTestData.TryLoginAsync(_app, tenant.Email, "errada-123456");
        }

        _app.Clock.Advance(TimeSpan.FromMinutes(14));
        await (await IdentityTestData.TryLoginAsync(_app, tenant.Email, tenant.Password)).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, IdentityErrors.LockedOut);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));

        await (await IdentityTestData.TryLoginAsync(_app, tenant.Email, tenant.Password)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Password_reset_link_expires_after_one_hour()
    {
        var tenant = await IdentityTestData.SignUpAsync(_app);
        await _app.Anonymous().PostAsJsonAsync("/api/auth/password-reset", new EmailRequest(tenant.Email));
        var token = await IdentityTestData.TokenFromEmailAsync(_app, tenant.Email, "Redefinição de senha", "#/redefinir-senha?token=");

        _app.Clock.Advance(TimeSpan.FromMinutes(61));
        var response = await _app.Anonymous().PostAsJsonAsync("/api/auth/password-reset/confirm", new TokenPasswordRequest(token, "nova-senha-456"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, IdentityErrors.InvalidToken);
        await (await IdentityTestData.TryLoginAsync(_app, tenant.Email, tenant.Password)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Invitation_link_expires_after_seven_days()
    {
        var tenant = await IdentityTestData.SignUpAsync(_app);
        var admin = _app.Staff(new TestTenant(tenant.TenantId, "admin-id", tenant.TradeName, tenant.Email));
        var email = IdentityTestData.UniqueEmail();
        await (await admin.PostAsJsonAsync("/api/users/invitations", new InviteUserRequest(email, "Gil", Roles.Sales))).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var token = await IdentityTestData.TokenFromEmailAsync(_app, email, "Convite", "#/convite?token=");

        _app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var response = await _app.Anonymous().PostAsJsonAsync("/api/auth/accept-invitation", new AcceptInvitationRequest(token, "Gil", IdentityTestData.Password));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, IdentityErrors.InvalidToken);
        problem.GetProperty("detail").GetString()!.ShouldContain("Peça um novo convite");
    }

    [Fact]
    public async Task Refresh_token_expires_after_thirty_days()
    {
        var tenant = await IdentityTestData.SignUpAsync(_app);
        var session = await IdentityTestData.LoginAsync(_app, tenant.Email);

        _app.Clock.Advance(RefreshTokens.Lifetime + TimeSpan.FromMinutes(1));
        var response = await _app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(session.RefreshToken));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }
}
