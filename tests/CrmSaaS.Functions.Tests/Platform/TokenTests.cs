using System.Net;
using System.Text;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrmSaaS.Functions.Tests.Platform;

public sealed class TokenTests(CrmApp app) : IClassFixture<CrmApp>
{
    private readonly TestTenant _tenant = CrmApp.NewTenant();

    [Fact]
    public async Task Staff_token_fills_the_request_context()
    {
        var me = await (await app.Staff(_tenant, Roles.Sales).GetAsync("/api/platform/whoami")).ReadAsync<WhoAmIApi.WhoAmI>();

        me.TenantId.ShouldBe(_tenant.TenantId);
        me.Roles.ShouldBe([Roles.Sales]);
        me.Kind.ShouldBe("staff");
    }

    [Fact]
    public async Task Customer_token_is_refused_by_staff_endpoints_and_staff_token_by_customer_endpoints()
    {
        var customer = app.Customer(_tenant, "customer-1");
        var staff = app.Staff(_tenant);

        await (await customer.GetAsync("/api/platform/whoami")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await staff.GetAsync("/api/customer/whoami")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var me = await (await customer.GetAsync("/api/customer/whoami")).ReadAsync<WhoAmIApi.WhoAmI>();
        me.CustomerId.ShouldBe("customer-1");
    }

    [Fact]
    public async Task Tampered_token_is_unauthorized()
    {
        var token = app.Service<TokenService>().IssueStaffToken(_tenant.TenantId, "u1", "Ana", "ana@example.com", [Roles.Sales]);
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"sales\"", "\"admin\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var response = await app.WithToken(tampered).GetAsync("/api/platform/whoami");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Expired_token_is_unauthorized_with_a_clear_message()
    {
        var token = Sign(CrmApp.SigningKey, JwtOptions.StaffAudience, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1));

        var problem = await (await app.WithToken(token).GetAsync("/api/platform/whoami"))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        problem.GetProperty("detail").GetString()!.ShouldContain("expirou");
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_unauthorized()
    {
        var token = Sign("another-signing-key-0123456789-abcdefghijklmnop", JwtOptions.StaffAudience, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5));

        await (await app.WithToken(token).GetAsync("/api/platform/whoami")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Token_signed_with_the_previous_key_stays_valid_after_rotation()
    {
        const string previous = "previous-signing-key-0123456789-abcdefghijklmn";
        await using var rotated = new RotatedKeyApp(previous);
        await rotated.InitializeAsync();
        var token = Sign(previous, JwtOptions.StaffAudience, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5));

        var response = await rotated.WithToken(token).GetAsync("/api/platform/whoami");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_without_tenant_claim_fails_closed()
    {
        var handler = new JsonWebTokenHandler();
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "crmsaas",
            Audience = JwtOptions.StaffAudience,
            Claims = new Dictionary<string, object> { ["sub"] = "u1", ["role"] = "admin" },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(TokenService.ToKey(CrmApp.SigningKey), SecurityAlgorithms.HmacSha256),
        });

        var response = await app.WithToken(token).GetAsync("/api/platform/whoami");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private string Sign(string key, string audience, DateTime notBefore, DateTime expires)
    {
        var issuer = app.Service<IOptions<JwtOptions>>().Value.Issuer;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = "u1", ["tid"] = _tenant.TenantId, ["role"] = "admin", ["name"] = "Ana" },
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(TokenService.ToKey(key), SecurityAlgorithms.HmacSha256),
        });
    }

    private sealed class RotatedKeyApp(string previous) : CrmApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jwt:PreviousSigningKey"] = previous };
    }
}
