using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.SalesOrders;

public static class SalesOrdersApi
{
    public static IEndpointRouteBuilder MapSalesOrders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sales-orders").WithTags("SalesOrders").RequireStaff();
        group.MapGet("/defaults", GetSalesOrderDefaults).WithName(nameof(GetSalesOrderDefaults));
        group.MapGet("/", ListSalesOrders).WithName(nameof(ListSalesOrders));
        group.MapPost("/", CreateSalesOrder).WithName(nameof(CreateSalesOrder)).RequireStaff(Roles.Sales);
        group.MapGet("/{id}", GetSalesOrder).WithName(nameof(GetSalesOrder));
        group.MapPut("/{id}", UpdateSalesOrder).WithName(nameof(UpdateSalesOrder)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/items", AddSalesOrderItems).WithName(nameof(AddSalesOrderItems)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/approve", ApproveSalesOrder).WithName(nameof(ApproveSalesOrder)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/revise", ReviseSalesOrder).WithName(nameof(ReviseSalesOrder)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/confirm", ConfirmSalesOrder).WithName(nameof(ConfirmSalesOrder)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/cancel", CancelSalesOrder).WithName(nameof(CancelSalesOrder)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/generate-opportunity", GenerateOrderOpportunity).WithName(nameof(GenerateOrderOpportunity)).RequireStaff(Roles.Sales);
        return app;
    }

    public sealed record SalesOrderRequest(
        string? CustomerId,
        DateOnly? Date,
        DateOnly? ValidUntil,
        string? SalespersonId,
        string? PaymentTerms,
        string? PaymentMethod,
        IReadOnlyList<InstallmentInput>? Installments,
        string? Project,
        string? ContractId,
        string? Notes,
        bool? GenerateOpportunity,
        IReadOnlyList<DocumentItemInput>? Items)
    {
        public SalesOrderInput ToInput() => new(
            CustomerId, Date, ValidUntil, SalespersonId, PaymentTerms, PaymentMethod, Installments, Project, ContractId, Notes, GenerateOpportunity, Items);
    }

    public sealed record AddItemsRequest(IReadOnlyList<DocumentItemInput>? Items);

    public sealed record CancelRequest(string? Reason);

    public sealed record ReviseRequest(string? Reason);

    /// <summary>What the order form needs from the settings (readable by every salesperson, unlike the settings page).</summary>
    public sealed record SalesOrderDefaults(bool IntegrationEnabled, bool GenerateOpportunity, bool ShowProjectAndContract, string PaymentTerms);

    public sealed record TotalsResponse(decimal Gross, decimal Discount, decimal Total);

    public sealed record SalesOrderResponse(
        string Id,
        long Number,
        string Status,
        string StatusLabel,
        string CustomerId,
        string CustomerName,
        string CustomerTaxId,
        DateOnly Date,
        DateOnly? ValidUntil,
        string SalespersonId,
        string SalespersonName,
        string PaymentTerms,
        string PaymentMethod,
        IReadOnlyList<Installment> Installments,
        string Project,
        string? ContractId,
        long? ContractNumber,
        string ContractTitle,
        string Notes,
        bool GenerateOpportunity,
        string OpportunityGeneration,
        int TasksExpected,
        int TasksGenerated,
        string? OpportunityId,
        OpportunityBadge? Opportunity,
        string? QuoteId,
        long? QuoteNumber,
        IReadOnlyList<DocumentItem> Items,
        TotalsResponse Totals,
        string CancelReason,
        DateTimeOffset? StatusChangedAt,
        string Etag,
        DateTimeOffset CreatedAt,
        string CreatedBy,
        DateTimeOffset UpdatedAt,
        string UpdatedBy)
    {
        public static SalesOrderResponse From(SalesOrder order, OpportunityBadge? opportunity)
        {
            var totals = order.Totals;
            return new SalesOrderResponse(
                order.Id,
                order.Number,
                order.Status.ToString(),
                order.StatusLabel,
                order.CustomerId,
                order.CustomerName,
                order.CustomerTaxId,
                order.Date,
                order.ValidUntil,
                order.SalespersonId,
                order.SalespersonName,
                order.PaymentTerms,
                order.PaymentMethod,
                order.Installments,
                order.Project,
                NullIfEmpty(order.ContractId),
                order.ContractNumber,
                order.ContractTitle,
                order.Notes,
                order.GenerateOpportunity,
                OrderCrmRules.GenerationState(order),
                OrderCrmRules.ExpectedTasks(order.Items),
                OrderCrmRules.GeneratedTasks(order.Items),
                NullIfEmpty(order.OpportunityId),
                opportunity,
                NullIfEmpty(order.QuoteId),
                order.QuoteNumber,
                order.Items,
                new TotalsResponse(totals.Gross, totals.Discount, totals.Total),
                order.CancelReason,
                order.StatusChangedAt,
                order.ETag.ToString(),
                order.CreatedAt,
                order.CreatedBy,
                order.UpdatedAt,
                order.UpdatedBy);
        }

        private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
    }

    public static async Task<Ok<SalesOrderDefaults>> GetSalesOrderDefaults(CrmReferences crm, CancellationToken ct)
    {
        var settings = await crm.GetOrderCrmSettingsAsync(ct);
        return TypedResults.Ok(new SalesOrderDefaults(
            settings.Enabled, settings.Enabled && settings.DefaultGenerate, settings.ShowProjectAndContract, "0"));
    }

    public static async Task<Ok<Page<SalesOrderListItem>>> ListSalesOrders(
        SalesOrderStore store, string? q, string? status, string? customerId, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(q, status, customerId, Paging.Size(pageSize), continuation, ct));

    public static async Task<Created<SalesOrderResponse>> CreateSalesOrder(
        SalesOrderRequest request, SalesOrderStore store, HttpResponse response, CancellationToken ct)
    {
        var order = await store.CreateAsync(request.ToInput(), null, ct);
        response.SetETag(order.ETag);
        return TypedResults.Created($"/api/sales-orders/{order.Id}", SalesOrderResponse.From(order, null));
    }

    public static async Task<Ok<SalesOrderResponse>> GetSalesOrder(
        string id, SalesOrderStore store, CrmReferences crm, HttpResponse response, CancellationToken ct)
    {
        var order = await store.GetAsync(id, ct);
        return await Respond(order, crm, response, ct);
    }

    public static async Task<Ok<SalesOrderResponse>> UpdateSalesOrder(
        string id, SalesOrderRequest request, SalesOrderStore store, CrmReferences crm, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var etag = ETags.RequireIfMatch(http);
        return await Respond(await store.UpdateAsync(id, etag, request.ToInput(), ct), crm, response, ct);
    }

    public static async Task<Ok<SalesOrderResponse>> AddSalesOrderItems(
        string id, AddItemsRequest request, SalesOrderStore store, CrmReferences crm, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var etag = ETags.RequireIfMatch(http);
        return await Respond(await store.AddItemsAsync(id, etag, request.Items, ct), crm, response, ct);
    }

    public static async Task<Ok<SalesOrderResponse>> ApproveSalesOrder(
        string id, SalesOrderStore store, CrmReferences crm, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var etag = ETags.RequireIfMatch(http);
        return await Respond(await store.ApproveAsync(id, etag, ct), crm, response, ct);
    }

    public static async Task<Ok<SalesOrderResponse>> ConfirmSalesOrder(
        string id, SalesOrderStore store, CrmReferences crm, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var etag = ETags.RequireIfMatch(http);
        return await Respond(await store.ConfirmAsync(id, etag, ct), crm, response, ct);
    }

    /// <summary>Reject or revise a proposal: back to Proposta with a new proposal PDF version (a command, no If-Match).</summary>
    public static async Task<Ok<SalesOrderResponse>> ReviseSalesOrder(
        string id, ReviseRequest? request, SalesOrderStore store, CrmReferences crm, HttpResponse response, CancellationToken ct) =>
        await Respond(await store.ReviseAsync(id, request?.Reason, ct), crm, response, ct);

    public static async Task<Ok<SalesOrderResponse>> CancelSalesOrder(
        string id, CancelRequest? request, SalesOrderStore store, CrmReferences crm, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var etag = ETags.RequireIfMatch(http);
        return await Respond(await store.CancelAsync(id, etag, request?.Reason, ct), crm, response, ct);
    }

    public static async Task<Ok<SalesOrderResponse>> GenerateOrderOpportunity(
        string id, SalesOrderStore store, CrmReferences crm, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var etag = ETags.RequireIfMatch(http);
        return await Respond(await store.RequestOpportunityAsync(id, etag, ct), crm, response, ct);
    }

    private static async Task<Ok<SalesOrderResponse>> Respond(SalesOrder order, CrmReferences crm, HttpResponse response, CancellationToken ct)
    {
        var opportunity = await crm.GetOpportunityBadgeAsync(order.OpportunityId, ct);
        response.SetETag(order.ETag);
        return TypedResults.Ok(SalesOrderResponse.From(order, opportunity));
    }
}
