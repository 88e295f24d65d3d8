using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Proposals;

public sealed record ApprovalTrailResponse(
    IReadOnlyList<ApprovalLinkResponse> Links, IReadOnlyList<ApprovalRecord> Approvals, IReadOnlyList<StaffAttachmentResponse> Attachments);

/// <summary>Staff side of the proposal: send the approval link, follow it, attach the contract, read the documents.</summary>
public static class ProposalsApi
{
    public static IEndpointRouteBuilder MapProposals(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sales-orders").WithTags("Proposals").RequireStaff();
        group.MapPost("/{id}/send-proposal", SendProposal).WithName(nameof(SendProposal)).RequireStaff(Roles.Sales);
        group.MapGet("/{id}/approval", GetProposalApproval).WithName(nameof(GetProposalApproval));
        group.MapPost("/{id}/contract", UploadOrderContract).WithName(nameof(UploadOrderContract)).RequireStaff(Roles.Sales).DisableAntiforgery();
        group.MapGet("/{id}/attachments/{kind}", DownloadOrderAttachment).WithName(nameof(DownloadOrderAttachment));
        group.MapGet("/{id}/attachments/{kind}/link", GetOrderAttachmentLink).WithName(nameof(GetOrderAttachmentLink));
        return app;
    }

    public static async Task<Created<ApprovalLinkResponse>> SendProposal(
        string id, SendProposalRequest request, ApprovalLinks links, CancellationToken ct)
    {
        var link = await links.SendAsync(id, request, ct);
        return TypedResults.Created($"/api/sales-orders/{id}/approval", link);
    }

    public static async Task<Ok<ApprovalTrailResponse>> GetProposalApproval(
        string id, SalesOrderStore orders, ApprovalLinks links, ProposalApproval approval, OrderFiles files, CancellationToken ct)
    {
        var order = await orders.GetAsync(id, ct);
        var linkList = links.ListAsync(order.Id, ct);
        var approvals = approval.ListAsync(order.Id, ct);
        var attachments = files.ListAsync(order.Id, ct);
        await Task.WhenAll(linkList, approvals, attachments);
        var listed = (await attachments).Values.OrderBy(a => AttachmentKinds.All.ToList().IndexOf(a.Kind))
            .Select(a => StaffAttachmentResponse.From(a, order.Number)).ToList();
        return TypedResults.Ok(new ApprovalTrailResponse(await linkList, await approvals, listed));
    }

    public static async Task<Created<AttachmentResponse>> UploadOrderContract(
        string id, SalesOrderStore orders, ProposalApproval approval, HttpRequest request, CancellationToken ct)
    {
        var order = await orders.GetAsync(id, ct);
        var pdf = await PdfUpload.ReadAsync(request, ct);
        var saved = await approval.UploadContractAsync(order, pdf, ct);
        return TypedResults.Created($"/api/sales-orders/{id}/attachments/{AttachmentKinds.Contract}", AttachmentResponse.From(saved, order.Number));
    }

    public static async Task<FileStreamHttpResult> DownloadOrderAttachment(
        string id, string kind, SalesOrderStore orders, OrderFiles files, CancellationToken ct)
    {
        var (file, number) = await AttachmentAsync(id, kind, orders, files, ct);
        return TypedResults.File(await files.OpenAsync(file, ct), "application/pdf", file.DownloadName(number));
    }

    public static async Task<Ok<FileLink>> GetOrderAttachmentLink(string id, string kind, SalesOrderStore orders, OrderFiles files, CancellationToken ct)
    {
        var (file, _) = await AttachmentAsync(id, kind, orders, files, ct);
        return TypedResults.Ok(await files.ReadLinkAsync(file, ct));
    }

    private static async Task<(OrderAttachment File, long Number)> AttachmentAsync(
        string id, string kind, SalesOrderStore orders, OrderFiles files, CancellationToken ct)
    {
        var checkedKind = AttachmentKinds.Require(kind);
        var order = await orders.GetAsync(id, ct);
        var file = await files.GetAsync(order.Id, checkedKind, ct);
        return file is { Version: > 0 } ? (file, order.Number) : throw AppException.NotFound("Este anexo ainda não existe neste pedido.");
    }
}
