using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Receivables;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Billing;

/// <summary>
/// Billing: the order's billing status view, invoices (NFS-e) issued from orders and the fiscal settings. Any staff
/// member reads; the finance role issues and cancels (admins always may).
/// </summary>
public static class BillingApi
{
    public static IServiceCollection AddBilling(this IServiceCollection services)
    {
        services.AddScoped<BillingSettingsStore>();
        services.AddScoped<InvoiceStore>();
        services.AddScoped<ReceivableStore>();
        services.AddScoped<Stock.StockLedger>();
        services.AddScoped<CustomerOverview.CustomerOverviewReader>();
        services.AddQueueHandler<NfseSendHandler>();
        // The local fake only where configured (development, tests); everywhere else nothing pretends to send.
        services.AddSingleton<INfseGateway>(sp =>
            string.Equals(sp.GetRequiredService<IConfiguration>()["Nfse:Gateway"], LocalFakeNfseGateway.GatewayName, StringComparison.Ordinal)
                ? new LocalFakeNfseGateway()
                : new NotConfiguredNfseGateway());
        return services;
    }

    public static IEndpointRouteBuilder MapBilling(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/sales-orders").WithTags("Billing").RequireStaff();
        orders.MapGet("/{id}/billing", GetOrderBilling).WithName(nameof(GetOrderBilling));
        orders.MapPost("/{id}/invoices", IssueInvoice).WithName(nameof(IssueInvoice)).RequireStaff(Roles.Finance);

        var invoices = app.MapGroup("/api/invoices").WithTags("Billing").RequireStaff();
        invoices.MapGet("/", ListInvoices).WithName(nameof(ListInvoices));
        invoices.MapGet("/{id}", GetInvoice).WithName(nameof(GetInvoice));
        invoices.MapGet("/{id}/dps", GetInvoiceDps).WithName(nameof(GetInvoiceDps));
        invoices.MapPost("/{id}/cancel", CancelInvoice).WithName(nameof(CancelInvoice)).RequireStaff(Roles.Finance);

        var settings = app.MapGroup("/api/billing/settings").WithTags("Billing");
        settings.MapGet("/", GetBillingSettings).WithName(nameof(GetBillingSettings)).RequireStaff(Roles.Finance);
        settings.MapPut("/", UpdateBillingSettings).WithName(nameof(UpdateBillingSettings)).RequireStaff(Roles.Admin);
        return app;
    }

    /// <summary>An invoice with the receivables it created.</summary>
    public sealed record InvoiceResponse(Invoice Invoice, IReadOnlyList<Receivable> Receivables);

    public static async Task<Ok<OrderBillingView>> GetOrderBilling(string id, InvoiceStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.BillingViewAsync(id, ct));

    public static async Task<Created<InvoiceResponse>> IssueInvoice(
        string id, IssueInvoiceRequest? request, InvoiceStore store, ReceivableStore receivables, HttpResponse response, CancellationToken ct)
    {
        var invoice = await store.IssueAsync(id, request ?? new IssueInvoiceRequest(null, null), ct);
        response.SetETag(invoice.ETag);
        return TypedResults.Created($"/api/invoices/{invoice.Id}", new InvoiceResponse(invoice, await receivables.ForInvoiceAsync(invoice, ct)));
    }

    public static async Task<Ok<Page<InvoiceListItem>>> ListInvoices(
        InvoiceStore store, string? q, string? status, string? customerId, string? orderId, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(q, status, customerId, orderId, Paging.Size(pageSize), continuation, ct));

    public static async Task<Ok<InvoiceResponse>> GetInvoice(
        string id, InvoiceStore store, ReceivableStore receivables, HttpResponse response, CancellationToken ct)
    {
        var invoice = await store.GetAsync(id, ct);
        response.SetETag(invoice.ETag);
        return TypedResults.Ok(new InvoiceResponse(invoice, await receivables.ForInvoiceAsync(invoice, ct)));
    }

    public static async Task<FileContentHttpResult> GetInvoiceDps(string id, InvoiceStore store, CancellationToken ct) =>
        TypedResults.File(await store.DpsAsync(id, ct), "application/xml", $"dps-{id}.xml");

    public static async Task<Ok<InvoiceResponse>> CancelInvoice(
        string id, CancelInvoiceRequest? request, InvoiceStore store, ReceivableStore receivables, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var etag = ETags.RequireIfMatch(http);
        var invoice = await store.CancelAsync(id, etag, request?.Reason, ct);
        response.SetETag(invoice.ETag);
        return TypedResults.Ok(new InvoiceResponse(invoice, await receivables.ForInvoiceAsync(invoice, ct)));
    }

    public static async Task<Ok<BillingSettings>> GetBillingSettings(BillingSettingsStore store, HttpResponse response, CancellationToken ct)
    {
        var settings = await store.GetAsync(ct);
        if (settings.ETag != default)
        {
            response.SetETag(settings.ETag);
        }

        return TypedResults.Ok(settings);
    }

    public static async Task<Ok<BillingSettings>> UpdateBillingSettings(
        BillingSettingsRequest request, BillingSettingsStore store, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var settings = await store.SaveAsync(request, ETags.RequireIfMatch(http), ct);
        response.SetETag(settings.ETag);
        return TypedResults.Ok(settings);
    }
}
