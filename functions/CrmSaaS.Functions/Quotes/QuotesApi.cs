using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Quotes;

public static class QuotesApi
{
    public static IEndpointRouteBuilder MapQuotes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/quotes").WithTags("Quotes").RequireStaff();
        group.MapGet("/", ListQuotes).WithName(nameof(ListQuotes));
        group.MapPost("/", CreateQuote).WithName(nameof(CreateQuote)).RequireStaff(Roles.Sales);
        group.MapGet("/{id}", GetQuote).WithName(nameof(GetQuote));
        group.MapPut("/{id}", UpdateQuote).WithName(nameof(UpdateQuote)).RequireStaff(Roles.Sales);
        group.MapDelete("/{id}", DeleteQuote).WithName(nameof(DeleteQuote)).RequireStaff(Roles.Sales);
        group.MapPost("/{id}/convert", ConvertQuote).WithName(nameof(ConvertQuote)).RequireStaff(Roles.Sales);
        return app;
    }

    public sealed record QuoteRequest(string? CustomerId, DateOnly? Date, DateOnly? ValidUntil, string? Notes, IReadOnlyList<DocumentItemInput>? Items)
    {
        public QuoteInput ToInput() => new(CustomerId, Date, ValidUntil, Notes, Items);
    }

    public sealed record ConvertQuoteRequest(
        bool? GenerateOpportunity,
        string? PaymentTerms,
        string? PaymentMethod,
        string? SalespersonId,
        string? Project,
        string? ContractId);

    public sealed record QuoteResponse(
        string Id,
        long Number,
        string Status,
        string StatusLabel,
        bool Expired,
        string CustomerId,
        string CustomerName,
        string CustomerTaxId,
        DateOnly Date,
        DateOnly ValidUntil,
        string Notes,
        IReadOnlyList<DocumentItem> Items,
        SalesOrdersApi.TotalsResponse Totals,
        string? ConvertedOrderId,
        long? ConvertedOrderNumber,
        DateTimeOffset? ConvertedAt,
        string Etag,
        DateTimeOffset CreatedAt,
        string CreatedBy,
        DateTimeOffset UpdatedAt,
        string UpdatedBy)
    {
        public static QuoteResponse From(Quote quote, DateOnly today)
        {
            var totals = quote.Totals;
            return new QuoteResponse(
                quote.Id,
                quote.Number,
                quote.Status.ToString(),
                QuoteRules.Label(quote, today),
                QuoteRules.IsExpired(quote, today),
                quote.CustomerId,
                quote.CustomerName,
                quote.CustomerTaxId,
                quote.Date,
                quote.ValidUntil,
                quote.Notes,
                quote.Items,
                new SalesOrdersApi.TotalsResponse(totals.Gross, totals.Discount, totals.Total),
                quote.ConvertedOrderId.Length == 0 ? null : quote.ConvertedOrderId,
                quote.ConvertedOrderNumber,
                quote.ConvertedAt,
                quote.ETag.ToString(),
                quote.CreatedAt,
                quote.CreatedBy,
                quote.UpdatedAt,
                quote.UpdatedBy);
        }
    }

    public static async Task<Ok<Page<QuoteListItem>>> ListQuotes(
        QuoteStore store, string? q, string? status, string? customerId, bool? expired, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(q, status, customerId, expired, Paging.Size(pageSize), continuation, ct));

    public static async Task<Created<QuoteResponse>> CreateQuote(QuoteRequest request, QuoteStore store, HttpResponse response, CancellationToken ct)
    {
        var quote = await store.CreateAsync(request.ToInput(), ct);
        response.SetETag(quote.ETag);
        return TypedResults.Created($"/api/quotes/{quote.Id}", QuoteResponse.From(quote, store.Today));
    }

    public static async Task<Ok<QuoteResponse>> GetQuote(string id, QuoteStore store, HttpResponse response, CancellationToken ct)
    {
        var quote = await store.GetAsync(id, ct);
        response.SetETag(quote.ETag);
        return TypedResults.Ok(QuoteResponse.From(quote, store.Today));
    }

    public static async Task<Ok<QuoteResponse>> UpdateQuote(
        string id, QuoteRequest request, QuoteStore store, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var etag = ETags.RequireIfMatch(http);
        var quote = await store.UpdateAsync(id, etag, request.ToInput(), ct);
        response.SetETag(quote.ETag);
        return TypedResults.Ok(QuoteResponse.From(quote, store.Today));
    }

    public static async Task<NoContent> DeleteQuote(string id, QuoteStore store, HttpRequest http, CancellationToken ct)
    {
        var etag = ETags.RequireIfMatch(http);
        await store.DeleteAsync(id, etag, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Creates the sales order and answers with it (201, Location of the order).</summary>
    public static async Task<Created<SalesOrdersApi.SalesOrderResponse>> ConvertQuote(
        string id, ConvertQuoteRequest? request, QuoteStore store, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var etag = ETags.RequireIfMatch(http);
        request ??= new ConvertQuoteRequest(null, null, null, null, null, null);
        var order = await store.ConvertAsync(
            id,
            etag,
            new QuoteConversion(request.GenerateOpportunity, request.PaymentTerms, request.PaymentMethod, request.SalespersonId, request.Project, request.ContractId),
            ct);
        response.SetETag(order.ETag);
        return TypedResults.Created($"/api/sales-orders/{order.Id}", SalesOrdersApi.SalesOrderResponse.From(order, null));
    }
}
