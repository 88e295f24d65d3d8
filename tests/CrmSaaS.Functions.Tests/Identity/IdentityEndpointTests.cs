using CrmSaaS.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSaaS.Functions.Tests.Identity;

public sealed class IdentityEndpointTests(CrmApp app) : IClassFixture<CrmApp>
{
    private static readonly string[] IdentityRoutes = ["/api/auth/", "/api/me", "/api/users", "/api/customer-auth/", "/portal-access"];

    private List<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && IdentityRoutes.Any(r => raw.Contains(r, StringComparison.Ordinal)))
            .ToList();

    [Fact]
    public void Every_identity_endpoint_declares_who_may_call_it()
    {
        var endpoints = Endpoints();

        endpoints.Count.ShouldBe(24);
        endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Count == 0)
            .Select(e => e.RoutePattern.RawText)
            .ShouldBeEmpty();
    }

    [Fact]
    public void User_administration_is_admin_only_and_portal_access_is_admin_or_sales()
    {
        string[] RolesOf(string route) => Endpoints()
            .Where(e => e.RoutePattern.RawText!.Contains(route, StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetOrderedMetadata<AuthorizationPolicy>())
            .SelectMany(p => p.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>())
            .SelectMany(r => r.AllowedRoles)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

        RolesOf("/api/users").ShouldBe(["admin"]);
        RolesOf("/portal-access").ShouldBe(["admin", "sales"]);
    }
}
