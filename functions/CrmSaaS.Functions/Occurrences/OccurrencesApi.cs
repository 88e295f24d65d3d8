using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Occurrences;

/// <summary>
/// A customer's relationship occurrences (Gescor "CRM Gestão"). Any staff reads and prints; sales, operations and admins
/// add, change and delete. DELETE requires If-Match: the screen confirms with the user first and sends the version it showed.
/// </summary>
public static class OccurrencesApi
{
    public sealed record OccurrenceResponse(
        string Id,
        string CustomerId,
        string CustomerName,
        DateOnly Date,
        string Type,
        string TypeLabel,
        string? ContactId,
        string? ContactName,
        string Description,
        string AuthorId,
        string AuthorName,
        IReadOnlyList<CompetitorNote> Competitors,
        DateTimeOffset CreatedAt,
        string CreatedBy,
        DateTimeOffset UpdatedAt,
        string UpdatedBy,
        string Etag);

    public sealed record OccurrencePage(DateOnly From, DateOnly To, IReadOnlyList<OccurrenceResponse> Items, string? Continuation);

    public static IEndpointRouteBuilder MapOccurrences(this IEndpointRouteBuilder app)
    {
        // The group stops at the customer so the list's route has no trailing slash ("/api/customers/{customerId}/occurrences").
        var group = app.MapGroup("/api/customers/{customerId}").WithTags("Occurrences");
        group.MapGet("/occurrences", ListOccurrences).WithName(nameof(ListOccurrences)).RequireStaff();
        group.MapPost("/occurrences", CreateOccurrence).WithName(nameof(CreateOccurrence)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapGet("/occurrences/print", PrintOccurrences).WithName(nameof(PrintOccurrences)).RequireStaff();
        group.MapGet("/occurrences/{occurrenceId}", GetOccurrence).WithName(nameof(GetOccurrence)).RequireStaff();
        group.MapPut("/occurrences/{occurrenceId}", UpdateOccurrence).WithName(nameof(UpdateOccurrence)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapDelete("/occurrences/{occurrenceId}", DeleteOccurrence).WithName(nameof(DeleteOccurrence)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapPost("/occurrences/{occurrenceId}/competitors", AddCompetitor).WithName(nameof(AddCompetitor)).RequireStaff(Roles.Sales, Roles.Operations);
        group.MapDelete("/occurrences/{occurrenceId}/competitors/{competitorId}", RemoveCompetitor).WithName(nameof(RemoveCompetitor))
            .RequireStaff(Roles.Sales, Roles.Operations);
        return app;
    }

    public static async Task<Ok<OccurrencePage>> ListOccurrences(
        string customerId, OccurrenceStore store, DateOnly? from, DateOnly? to, string? type, string? q, int? pageSize, string? continuation,
        CancellationToken ct)
    {
        var customer = await store.RequireCustomerAsync(customerId, ct);
        var (start, end) = OccurrenceRules.Period(from, to, store.Today());
        var page = await store.ListAsync(customer.Id, start, end, type, q, Paging.Size(pageSize), continuation, ct);
        return TypedResults.Ok(new OccurrencePage(start, end, page.Items.Select(ToResponse).ToList(), page.Continuation));
    }

    public static async Task<ContentHttpResult> PrintOccurrences(
        string customerId, OccurrenceStore store, RequestContext context, TimeProvider clock, HttpResponse response, DateOnly? from, DateOnly? to,
        string? type, CancellationToken ct)
    {
        var customer = await store.RequireCustomerAsync(customerId, ct);
        var (start, end) = OccurrenceRules.Period(from, to, store.Today());
        if (!string.IsNullOrWhiteSpace(type) && !OccurrenceType.IsKnown(type))
        {
            throw AppException.Validation("type", "Tipo de ocorrência inválido: use visita, diario, pos-venda, sac ou outro.");
        }

        var occurrences = await store.ListForPrintAsync(customer.Id, start, end, type, ct);
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        var html = OccurrencePrint.Render(customer, start, end, occurrences, clock.GetUtcNow(), context.Actor);
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    public static async Task<Created<OccurrenceResponse>> CreateOccurrence(
        string customerId, OccurrenceInput request, OccurrenceStore store, HttpResponse response, CancellationToken ct)
    {
        var occurrence = await store.CreateAsync(customerId, request, ct);
        response.SetETag(occurrence.ETag);
        return TypedResults.Created($"/api/customers/{occurrence.CustomerId}/occurrences/{occurrence.Id}", ToResponse(occurrence));
    }

    public static async Task<Ok<OccurrenceResponse>> GetOccurrence(
        string customerId, string occurrenceId, OccurrenceStore store, HttpResponse response, CancellationToken ct)
    {
        var occurrence = await store.GetAsync(customerId, occurrenceId, ct);
        response.SetETag(occurrence.ETag);
        return TypedResults.Ok(ToResponse(occurrence));
    }

    public static async Task<Ok<OccurrenceResponse>> UpdateOccurrence(
        string customerId, string occurrenceId, OccurrenceInput request, OccurrenceStore store, HttpRequest http, HttpResponse response,
        CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        var occurrence = await store.UpdateAsync(customerId, occurrenceId, request, ifMatch, ct);
        response.SetETag(occurrence.ETag);
        return TypedResults.Ok(ToResponse(occurrence));
    }

    public static async Task<NoContent> DeleteOccurrence(
        string customerId, string occurrenceId, OccurrenceStore store, HttpRequest http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        await store.DeleteAsync(customerId, occurrenceId, ifMatch, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<OccurrenceResponse>> AddCompetitor(
        string customerId, string occurrenceId, CompetitorInput request, OccurrenceStore store, HttpRequest http, HttpResponse response,
        CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        var occurrence = await store.AddCompetitorAsync(customerId, occurrenceId, request, ifMatch, ct);
        response.SetETag(occurrence.ETag);
        return TypedResults.Ok(ToResponse(occurrence));
    }

    public static async Task<Ok<OccurrenceResponse>> RemoveCompetitor(
        string customerId, string occurrenceId, string competitorId, OccurrenceStore store, HttpRequest http, HttpResponse response,
        CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http);
        var occurrence = await store.RemoveCompetitorAsync(customerId, occurrenceId, competitorId, ifMatch, ct);
        response.SetETag(occurrence.ETag);
        return TypedResults.Ok(ToResponse(occurrence));
    }

    private static OccurrenceResponse ToResponse(Occurrence o) => new(
        o.Id, o.CustomerId, o.CustomerName, o.Date, o.Type, OccurrenceType.Label(o.Type), o.ContactId, o.ContactName, o.Description,
        o.AuthorId, o.AuthorName, o.Competitors, o.CreatedAt, o.CreatedBy, o.UpdatedAt, o.UpdatedBy, o.ETag.ToString());
}
