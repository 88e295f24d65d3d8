using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.ServiceOrders;

public static class ServiceOrdersApi
{
    public static IEndpointRouteBuilder MapServiceOrders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/service-orders").WithTags("ServiceOrders").RequireStaff();
        group.MapGet("/", ListServiceOrders).WithName(nameof(ListServiceOrders));
        group.MapPost("/", CreateServiceOrder).WithName(nameof(CreateServiceOrder)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapGet("/{id}", GetServiceOrder).WithName(nameof(GetServiceOrder));
        group.MapPut("/{id}", UpdateServiceOrder).WithName(nameof(UpdateServiceOrder)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapPost("/{id}/status", ChangeServiceOrderStatus).WithName(nameof(ChangeServiceOrderStatus))
            .RequireStaff(Roles.Sales, Roles.Operations, Roles.Finance);
        return app;
    }

    public sealed record ServiceOrderRequest(
        string? CustomerId,
        DateOnly? Date,
        DateOnly? ExpectedDate,
        string? Description,
        string? Notes,
        string? ContractId,
        string? OpportunityId,
        IReadOnlyList<DocumentItemInput>? Items)
    {
        public ServiceOrderInput ToInput() => new(CustomerId, Date, ExpectedDate, Description, Notes, ContractId, OpportunityId, Items);
    }

    public sealed record StatusRequest(string? Status, string? Note);

    public sealed record ServiceOrderResponse(
        string Id,
        long Number,
        string Status,
        string StatusLabel,
        string CustomerId,
        string CustomerName,
        string CustomerTaxId,
        DateOnly Date,
        DateOnly? ExpectedDate,
        string Description,
        string Notes,
        IReadOnlyList<DocumentItem> Items,
        SalesOrdersApi.TotalsResponse Totals,
        string? OpportunityId,
        OpportunityBadge? Opportunity,
        string? ContractId,
        long? ContractNumber,
        DateTimeOffset? StatusChangedAt,
        string StatusNote,
        string Etag,
        DateTimeOffset CreatedAt,
        string CreatedBy,
        DateTimeOffset UpdatedAt,
        string UpdatedBy)
    {
        public static ServiceOrderResponse From(ServiceOrder order, OpportunityBadge? opportunity)
        {
            var totals = order.Totals;
            return new ServiceOrderResponse(
                order.Id,
                order.Number,
                order.Status,
                ServiceOrderRules.Label(order.Status),
                order.CustomerId,
                order.CustomerName,
                order.CustomerTaxId,
                order.Date,
                order.ExpectedDate,
                order.Description,
                order.Notes,
                order.Items,
                new SalesOrdersApi.TotalsResponse(totals.Gross, totals.Discount, totals.Total),
                order.OpportunityId.Length == 0 ? null : order.OpportunityId,
                opportunity,
                order.ContractId.Length == 0 ? null : order.ContractId,
                order.ContractNumber,
                order.StatusChangedAt,
                order.StatusNote,
                order.ETag.ToString(),
                order.CreatedAt,
                order.CreatedBy,
                order.UpdatedAt,
                order.UpdatedBy);
        }
    }

    public static async Task<Ok<Page<ServiceOrderListItem>>> ListServiceOrders(
        ServiceOrderStore store, string? q, string? status, string? customerId, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(q, status, customerId, Paging.Size(pageSize), continuation, ct));

    public static async Task<Created<ServiceOrderResponse>> CreateServiceOrder(
        ServiceOrderRequest request, ServiceOrderStore store, CrmReferences crm, HttpResponse response, CancellationToken ct)
    {
        var order = await store.CreateAsync(request.ToInput(), ct);
        response.SetETag(order.ETag);
        var opportunity = await crm.GetOpportunityBadgeAsync(order.OpportunityId, ct);
        return TypedResults.Created($"/api/service-orders/{order.Id}", ServiceOrderResponse.From(order, opportunity));
    }

    /// <summary>Shows the linked opportunity's CURRENT status (Omie: the service order shows the opportunity's status).</summary>
    public static async Task<Ok<ServiceOrderResponse>> GetServiceOrder(
        string id, ServiceOrderStore store, CrmReferences crm, HttpResponse response, CancellationToken ct) =>
        await Respond(await store.GetAsync(id, ct), crm, response, ct);

    public static async Task<Ok<ServiceOrderResponse>> UpdateServiceOrder(
        string id, ServiceOrderRequest request, ServiceOrderStore store, CrmReferences crm, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var etag = ETags.RequireIfMatch(http);
        return await Respond(await store.UpdateAsync(id, etag, request.ToInput(), ct), crm, response, ct);
    }

    public static async Task<Ok<ServiceOrderResponse>> ChangeServiceOrderStatus(
        string id, StatusRequest request, ServiceOrderStore store, CrmReferences crm, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var etag = ETags.RequireIfMatch(http);
        return await Respond(await store.ChangeStatusAsync(id, etag, request.Status, request.Note, ct), crm, response, ct);
    }

    private static async Task<Ok<ServiceOrderResponse>> Respond(ServiceOrder order, CrmReferences crm, HttpResponse response, CancellationToken ct)
    {
        var opportunity = await crm.GetOpportunityBadgeAsync(order.OpportunityId, ct);
        response.SetETag(order.ETag);
        return TypedResults.Ok(ServiceOrderResponse.From(order, opportunity));
    }
}
