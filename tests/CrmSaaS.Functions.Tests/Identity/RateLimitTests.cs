using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Identity;

/// <summary>The app with three authentication attempts per minute.</summary>
public sealed class LowRateLimitApp : CrmApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:AuthPerMinute"] = "3" };
}

public sealed class RateLimitTests(LowRateLimitApp app) : IClassFixture<LowRateLimitApp>
{
    [Fact]
    public async Task Login_sign_up_and_reset_share_the_per_minute_limit_and_answer_429_problem()
    {
        var client = app.Anonymous();
        await (await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(IdentityTestData.UniqueEmail(), "qualquer-123")))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, IdentityErrors.InvalidCredentials);
        await (await client.PostAsJsonAsync("/api/auth/password-reset", new EmailRequest(IdentityTestData.UniqueEmail()))).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        await (await client.PostAsJsonAsync("/api/auth/signup", IdentityTestData.NewSignup())).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var limited = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(IdentityTestData.UniqueEmail(), "qualquer-123"));

        var problem = await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited);
        problem.GetProperty("detail").GetString()!.ShouldContain("Aguarde");
        await (await client.PostAsJsonAsync("/api/auth/signup", IdentityTestData.NewSignup())).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited);
        await (await client.PostAsJsonAsync("/api/customer-auth/qualquer/login", new LoginRequest("a@b.com", "x")))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited);

        // Refresh is not an attack surface for guessing (the token is 256 random bits): not limited.
        await (await client.PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(OneTimeTokens.New())))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }
}
