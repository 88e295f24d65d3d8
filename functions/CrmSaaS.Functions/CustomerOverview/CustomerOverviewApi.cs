using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.CustomerOverview;

/// <summary>Gescor's CRM screen: everything about one customer at a glance (any staff member).</summary>
public static class CustomerOverviewApi
{
    public static IEndpointRouteBuilder MapCustomerOverview(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/customers").WithTags("CustomerOverview").RequireStaff()
            .MapGet("/{id}/overview", GetCustomerOverview).WithName(nameof(GetCustomerOverview));
        return app;
    }

    public static async Task<Ok<CustomerOverviewResponse>> GetCustomerOverview(string id, CustomerOverviewReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ReadAsync(id, ct));
}
