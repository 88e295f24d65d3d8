using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Inventory;

/// <summary>
/// Customer inventory (Citrus.cx): items by serial number, customer, contract, site and type. Any staff member reads;
/// operations and sales (and admin) write.
/// </summary>
public static class InventoryApi
{
    private static readonly string[] Writers = [Roles.Operations, Roles.Sales];

    public static IEndpointRouteBuilder MapInventory(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/inventory").WithTags("Inventory").RequireStaff();
        items.MapPost("/", CreateInventoryItem).WithName(nameof(CreateInventoryItem)).RequireStaff(Writers);
        items.MapGet("/", ListInventoryItems).WithName(nameof(ListInventoryItems));
        items.MapPost("/register-serials", RegisterInventorySerials).WithName(nameof(RegisterInventorySerials)).RequireStaff(Writers);
        items.MapGet("/{id}", GetInventoryItem).WithName(nameof(GetInventoryItem));
        items.MapPut("/{id}", UpdateInventoryItem).WithName(nameof(UpdateInventoryItem)).RequireStaff(Writers);
        items.MapPost("/{id}/move", MoveInventoryItem).WithName(nameof(MoveInventoryItem)).RequireStaff(Writers);
        items.MapDelete("/{id}", DeleteInventoryItem).WithName(nameof(DeleteInventoryItem)).RequireStaff(Writers);

        var customer = app.MapGroup("/api/customers/{customerId}").WithTags("Inventory").RequireStaff();
        customer.MapGet("/inventory", ListCustomerInventory).WithName(nameof(ListCustomerInventory));
        customer.MapGet("/inventory/export.csv", ExportCustomerInventory).WithName(nameof(ExportCustomerInventory));
        return app;
    }

    public static async Task<Created<InventoryItem>> CreateInventoryItem(
        InventoryItemRequest request, InventoryStore store, HttpResponse response, CancellationToken ct)
    {
        var item = await store.CreateAsync(InventoryRules.Check(request), ct);
        response.Headers.ETag = item.Etag;
        return TypedResults.Created($"/api/inventory/{item.Id}", item);
    }

    /// <summary><c>q</c>: keyword (serial, description, customer, site…); <c>serial</c>: serial-number prefix (one range scan).</summary>
    public static async Task<Ok<Page<InventoryItem>>> ListInventoryItems(
        InventoryStore store,
        string? q,
        string? serial,
        string? customerId,
        string? typeId,
        int? pageSize,
        string? continuation,
        CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(q, serial, customerId, typeId, Paging.Size(pageSize), continuation, ct));

    public static async Task<Ok<InventoryItem>> GetInventoryItem(string id, InventoryStore store, HttpResponse response, CancellationToken ct)
    {
        var item = await store.GetAsync(id, ct);
        response.Headers.ETag = item.Etag;
        return TypedResults.Ok(item);
    }

    public static async Task<Ok<InventoryItem>> UpdateInventoryItem(
        string id, InventoryItemRequest request, InventoryStore store, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        var item = await store.UpdateAsync(id, request, ifMatch, ct);
        response.Headers.ETag = item.Etag;
        return TypedResults.Ok(item);
    }

    public static async Task<Ok<InventoryItem>> MoveInventoryItem(
        string id, MoveItemRequest request, InventoryStore store, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        var item = await store.MoveAsync(id, request.SiteId, ifMatch, ct);
        response.Headers.ETag = item.Etag;
        return TypedResults.Ok(item);
    }

    public static async Task<NoContent> DeleteInventoryItem(string id, InventoryStore store, HttpRequest http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        await store.DeleteAsync(id, ifMatch, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Created<RegisterSerialsResponse>> RegisterInventorySerials(
        RegisterSerialsRequest request, InventoryStore store, CancellationToken ct)
    {
        var items = await store.RegisterSerialsAsync(InventoryRules.Check(request), ct);
        return TypedResults.Created((string?)null, new RegisterSerialsResponse(items));
    }

    public static async Task<Ok<Page<InventoryItem>>> ListCustomerInventory(
        string customerId,
        InventoryStore store,
        string? q,
        string? typeId,
        int? pageSize,
        string? continuation,
        CancellationToken ct) =>
        TypedResults.Ok(await store.ListForCustomerAsync(customerId, q, typeId, Paging.Size(pageSize), continuation, ct));

    public static async Task<FileContentHttpResult> ExportCustomerInventory(
        string customerId, InventoryStore store, TimeProvider clock, CancellationToken ct)
    {
        var (customer, items) = await store.ExportAsync(customerId, ct);
        var today = BrazilFormat.TodayInSaoPaulo(clock.GetUtcNow());
        return TypedResults.File(InventoryCsv.Write(items), InventoryCsv.ContentType, InventoryCsv.FileName(customer.LegalName, today));
    }
}
