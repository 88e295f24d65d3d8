using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Platform;

public sealed class HostTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Health_reports_storage_ok()
    {
        var response = await app.Anonymous().GetAsync("/api/health");

        var health = await response.ReadAsync<JsonElement>();
        health.GetProperty("status").GetString().ShouldBe("ok");
        health.GetProperty("storage").GetString().ShouldBe("ok");
        response.StorageTransactions().ShouldBe(1);
    }

    [Fact]
    public async Task Root_answers_for_the_functions_host_readiness_probe()
    {
        var response = await app.Anonymous().GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_route_is_a_problem_details_not_found()
    {
        var response = await app.Anonymous().GetAsync("/api/no-such-thing");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task OpenApi_document_lists_the_health_endpoint()
    {
        var document = await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        document.GetProperty("paths").TryGetProperty("/api/health", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Cors_allows_the_portal_origin_and_exposes_etag()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/health");
        request.Headers.Add("Origin", "http://localhost:5173");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await app.Anonymous().SendAsync(request);

        response.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("http://localhost:5173");
    }

    [Fact]
    public async Task Staff_endpoint_without_token_is_unauthorized_problem()
    {
        var client = app.WithToken("not-a-jwt");
        var response = await client.GetAsync("/api/platform/whoami");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
