namespace CrmSaaS.Functions.Platform;

/// <summary>
/// Who the server thinks the caller is. The portal uses it to restore a session; tests use it to prove that
/// staff and customer tokens are kept apart.
/// </summary>
public static class WhoAmIApi
{
    public sealed record WhoAmI(string Kind, string TenantId, string UserId, string? Name, IReadOnlyList<string> Roles, string? CustomerId);

    public static IEndpointRouteBuilder MapWhoAmI(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/platform/whoami", GetStaffWhoAmI).WithName(nameof(GetStaffWhoAmI)).WithTags("Platform").RequireStaff();
        app.MapGet("/api/customer/whoami", GetCustomerWhoAmI).WithName(nameof(GetCustomerWhoAmI)).WithTags("Platform").RequireCustomer();
        return app;
    }

    public static WhoAmI GetStaffWhoAmI(RequestContext context) =>
        new("staff", context.RequireTenantId(), context.RequireUserId(), context.UserName, context.Roles.Order(StringComparer.Ordinal).ToList(), null);

    public static WhoAmI GetCustomerWhoAmI(RequestContext context) =>
        new("customer", context.RequireTenantId(), context.RequireUserId(), context.UserName, [], context.RequireCustomerId());
}
