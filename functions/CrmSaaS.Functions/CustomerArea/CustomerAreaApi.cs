using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Proposals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.CustomerArea;

/// <summary>The customer area (seed 003, "Área do Cliente"): a customer's own orders, documents and the proposal approval.</summary>
public static class CustomerAreaApi
{
    public static IEndpointRouteBuilder MapCustomerArea(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customer-area").WithTags("CustomerArea").RequireCustomer();
        group.MapGet("/dashboard", GetCustomerDashboard).WithName(nameof(GetCustomerDashboard));
        group.MapGet("/orders", ListCustomerOrders).WithName(nameof(ListCustomerOrders));
        group.MapGet("/orders/{id}", GetCustomerOrder).WithName(nameof(GetCustomerOrder));
        group.MapGet("/orders/{id}/attachments/{kind}", DownloadCustomerAttachment).WithName(nameof(DownloadCustomerAttachment));
        group.MapGet("/orders/{id}/attachments/{kind}/link", GetCustomerAttachmentLink).WithName(nameof(GetCustomerAttachmentLink));
        group.MapPost("/orders/{id}/signed-contract", UploadCustomerSignedContract).WithName(nameof(UploadCustomerSignedContract)).DisableAntiforgery();
        group.MapPost("/orders/{id}/approve", ApproveCustomerOrder).WithName(nameof(ApproveCustomerOrder));
        return app;
    }

    public static async Task<Ok<CustomerDashboard>> GetCustomerDashboard(CustomerOrders orders, CancellationToken ct) =>
        TypedResults.Ok(await orders.DashboardAsync(ct));

    public static async Task<Ok<Page<CustomerOrderSummary>>> ListCustomerOrders(
        CustomerOrders orders, string? status, string? from, string? to, string? number, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await orders.ListAsync(status, from, to, number, pageSize, continuation, ct));

    public static async Task<Ok<CustomerOrder>> GetCustomerOrder(string id, CustomerOrders orders, CancellationToken ct) =>
        TypedResults.Ok(await orders.DetailAsync(id, ct));

    public static async Task<FileStreamHttpResult> DownloadCustomerAttachment(
        string id, string kind, CustomerOrders orders, OrderFiles files, CancellationToken ct)
    {
        var (file, number) = await orders.AttachmentAsync(id, kind, ct);
        return TypedResults.File(await files.OpenAsync(file, ct), "application/pdf", file.DownloadName(number));
    }

    public static async Task<Ok<FileLink>> GetCustomerAttachmentLink(string id, string kind, CustomerOrders orders, OrderFiles files, CancellationToken ct)
    {
        var (file, _) = await orders.AttachmentAsync(id, kind, ct);
        return TypedResults.Ok(await files.ReadLinkAsync(file, ct));
    }

    public static async Task<Created<AttachmentResponse>> UploadCustomerSignedContract(
        string id, CustomerOrders orders, HttpRequest request, CancellationToken ct)
    {
        var saved = await orders.UploadSignedContractAsync(id, request, ct);
        return TypedResults.Created($"/api/customer-area/orders/{id}/attachments/{AttachmentKinds.SignedContract}", saved);
    }

    public static async Task<Ok<CustomerOrder>> ApproveCustomerOrder(string id, CustomerOrders orders, CancellationToken ct) =>
        TypedResults.Ok(await orders.ApproveAsync(id, ct));
}
