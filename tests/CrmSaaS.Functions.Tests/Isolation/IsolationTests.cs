using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSaaS.Functions.Tests.Isolation;

/// <summary>Tenant isolation, the first security property: another tenant's or another customer's id is a 404.</summary>
public sealed class IsolationTests(CrmApp app) : IClassFixture<CrmApp>
{
    /// <summary>Routes with parameters that are not record ids of a tenant (public token flows, the tenant slug).</summary>
    private static readonly HashSet<string> NotTenantRecords = new(StringComparer.Ordinal)
    {
        "POST /api/customer-auth/{slug}/login",
        "POST /api/customer-auth/{slug}/accept-invitation",
        "POST /api/customer-auth/{slug}/password-reset",
        "POST /api/customer-auth/{slug}/password-reset/confirm",
        "GET /api/proposal-links/{token}",
        "GET /api/proposal-links/{token}/attachments/{kind}",
        "POST /api/proposal-links/{token}/signed-contract",
        "POST /api/proposal-links/{token}/approve",
    };

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in AllCases().Select(c => c.ToString()).Distinct())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Another_tenant_or_customer_gets_404(string caseName)
    {
        var isolationCase = AllCases().First(c => c.ToString() == caseName);
        var tenantA = CrmApp.NewTenant("Empresa A");
        var arrange = new IsolationArrange(app, tenantA, app.Staff(tenantA));

        var request = await isolationCase.ArrangeAsync(arrange);

        var intruder = isolationCase.Caller switch
        {
            IsolationCaller.Staff => app.Staff(CrmApp.NewTenant("Empresa B")),
            _ => app.Customer(tenantA, "another-customer-" + Guid.NewGuid().ToString("N"), "intruder"),
        };
        var response = await Send(intruder, isolationCase.Method, request);
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public void Every_endpoint_with_a_record_id_has_an_isolation_case()
    {
        var covered = AllCases().Select(c => c.ToString()).ToHashSet(StringComparer.Ordinal);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal) && e.RoutePattern.Parameters.Count > 0)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Where(e => !NotTenantRecords.Contains(e))
            .ToList();

        endpoints.Where(e => !covered.Contains(e)).ShouldBeEmpty("these endpoints need an isolation case (an IIsolationCases class in tests/…/Isolation)");
    }

    private static IEnumerable<IsolationCase> AllCases() =>
        typeof(IsolationTests).Assembly.GetTypes()
            .Where(t => typeof(IIsolationCases).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => ((IIsolationCases)Activator.CreateInstance(t)!).Cases);

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, IsolationRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(method), request.Path);
        if (request.Body is not null)
        {
            message.Content = JsonContent.Create(request.Body, options: JsonDefaults.Options);
        }

        if (request.IfMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", request.IfMatch);
        }

        return client.SendAsync(message);
    }
}
