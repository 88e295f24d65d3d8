using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Receivables;

/// <summary>Contas a receber: listed by due date (all or one customer's), marked paid by finance.</summary>
public static class ReceivablesApi
{
    public static IEndpointRouteBuilder MapReceivables(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/receivables").WithTags("Receivables").RequireStaff();
        group.MapGet("/", ListReceivables).WithName(nameof(ListReceivables));
        group.MapPost("/{id}/pay", PayReceivable).WithName(nameof(PayReceivable)).RequireStaff(Roles.Finance);
        return app;
    }

    public sealed record PayRequest(DateOnly? PaidOn, decimal? Amount);

    public sealed record ReceivableResponse(
        string Id, string InvoiceId, long InvoiceNumber, string OrderId, long OrderNumber, string CustomerId, string CustomerName,
        int Installment, int InstallmentCount, DateOnly DueDate, decimal Amount, string Status, bool Overdue, DateOnly? PaidOn,
        decimal? PaidAmount, string Etag)
    {
        public static ReceivableResponse From(Receivable r, DateOnly today) => new(
            r.Id, r.InvoiceId, r.InvoiceNumber, r.OrderId, r.OrderNumber, r.CustomerId, r.CustomerName, r.Installment, r.InstallmentCount,
            r.DueDate, r.Amount, r.Status, r.IsOverdue(today), r.PaidOn, r.PaidAmount, r.ETag.ToString());
    }

    public static async Task<Ok<Page<ReceivableResponse>>> ListReceivables(
        ReceivableStore store, TimeProvider clock, string? customerId, DateOnly? dueFrom, DateOnly? dueTo, string? status,
        int? pageSize, string? continuation, CancellationToken ct)
    {
        var page = await store.ListAsync(customerId, dueFrom, dueTo, status, Paging.Size(pageSize), continuation, ct);
        var today = BrazilFormat.TodayInSaoPaulo(clock.GetUtcNow());
        return TypedResults.Ok(new Page<ReceivableResponse>(page.Items.Select(r => ReceivableResponse.From(r, today)).ToList(), page.Continuation));
    }

    public static async Task<Ok<ReceivableResponse>> PayReceivable(
        string id, PayRequest request, ReceivableStore store, TimeProvider clock, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var paid = await store.PayAsync(id, ETags.RequireIfMatch(http), request.PaidOn, request.Amount, ct);
        response.SetETag(paid.ETag);
        return TypedResults.Ok(ReceivableResponse.From(paid, BrazilFormat.TodayInSaoPaulo(clock.GetUtcNow())));
    }
}
