using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Proposals;
using CrmSaaS.Functions.SalesOrders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.CustomerArea;

public sealed record ProposalLinkResponse(string TenantName, string ContactName, DateTimeOffset ExpiresAt, bool Approved, CustomerOrder Order);

/// <summary>
/// The e-mailed approval link's doors (anonymous: the token is the credential). They open exactly the order the
/// token was issued for; after approval the link only shows the result.
/// </summary>
public static class ProposalLinksApi
{
    public static IEndpointRouteBuilder MapProposalLinks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proposal-links").WithTags("ProposalLinks").AllowAnonymous();
        group.MapGet("/{token}", OpenProposalLink).WithName(nameof(OpenProposalLink));
        group.MapGet("/{token}/attachments/{kind}", DownloadProposalLinkAttachment).WithName(nameof(DownloadProposalLinkAttachment));
        group.MapPost("/{token}/signed-contract", UploadProposalLinkSignedContract).WithName(nameof(UploadProposalLinkSignedContract)).DisableAntiforgery();
        group.MapPost("/{token}/approve", ApproveProposalLink).WithName(nameof(ApproveProposalLink));
        return app;
    }

    public static async Task<Ok<ProposalLinkResponse>> OpenProposalLink(
        string token, ApprovalLinks links, OrderFiles files, ProposalApproval approval, TenantTable table, CancellationToken ct)
    {
        var resolved = await links.ResolveAsync(token, ct);
        await links.MarkOpenedAsync(resolved, ct);
        return TypedResults.Ok(await RespondAsync(resolved, resolved.Order, files, approval, table, ct));
    }

    public static async Task<FileStreamHttpResult> DownloadProposalLinkAttachment(
        string token, string kind, ApprovalLinks links, OrderFiles files, CancellationToken ct)
    {
        var checkedKind = AttachmentKinds.Require(kind);
        var resolved = RequireOpen(await links.ResolveAsync(token, ct));
        var file = await files.GetAsync(resolved.Order.Id, checkedKind, ct);
        if (file is not { Version: > 0 })
        {
            throw AppException.NotFound("Este anexo ainda não está disponível nesta proposta.");
        }

        return TypedResults.File(await files.OpenAsync(file, ct), "application/pdf", file.DownloadName(resolved.Order.Number));
    }

    public static async Task<Created<AttachmentResponse>> UploadProposalLinkSignedContract(
        string token, ApprovalLinks links, ProposalApproval approval, HttpRequest request, CancellationToken ct)
    {
        var resolved = RequireOpen(await links.ResolveAsync(token, ct));
        var pdf = await PdfUpload.ReadAsync(request, ct);
        var saved = await approval.UploadSignedContractAsync(resolved.Order, pdf, ct);
        return TypedResults.Created($"/api/proposal-links/{token}/attachments/{AttachmentKinds.SignedContract}",
            AttachmentResponse.From(saved, resolved.Order.Number));
    }

    public static async Task<Ok<ProposalLinkResponse>> ApproveProposalLink(
        string token, ApprovalLinks links, OrderFiles files, ProposalApproval approval, TenantTable table, CancellationToken ct)
    {
        var resolved = RequireOpen(await links.ResolveAsync(token, ct));
        var approved = await approval.ApproveAsync(resolved.Order, resolved.OrderRow, links.ApproverOf(resolved), [links.ApprovedAction(resolved)], ct);
        var after = resolved with { Link = await table.GetRequiredAsync(resolved.Link.RowKey, ApprovalLinks.InvalidLinkDetail, ct) };
        return TypedResults.Ok(await RespondAsync(after, approved, files, approval, table, ct));
    }

    /// <summary>After approval (through this link or the customer area) the link only shows the result.</summary>
    private static ResolvedLink RequireOpen(ResolvedLink resolved)
    {
        if (resolved.Approved)
        {
            throw AppException.InvalidState("Esta proposta já foi aprovada por este link.");
        }

        var refusal = SalesOrderRules.Next(resolved.Order, SalesOrderAction.Approve).Refusal;
        return resolved.Order.Status == SalesOrderStatus.Proposta ? resolved : throw AppException.InvalidState(refusal ?? "Esta proposta não está mais aberta.");
    }

    private static async Task<ProposalLinkResponse> RespondAsync(
        ResolvedLink resolved, SalesOrder order, OrderFiles files, ProposalApproval approval, TenantTable table, CancellationToken ct)
    {
        var tenant = table.GetAsync("tenant", ct);
        var attachments = files.ListAsync(order.Id, ct);
        var approvals = approval.ListAsync(order.Id, ct);
        await Task.WhenAll(tenant, attachments, approvals);
        var resultOnly = resolved.Approved || order.Status != SalesOrderStatus.Proposta;
        return new ProposalLinkResponse(
            StaffAuthService.CompanyName(await tenant),
            resolved.Link.GetString("ContactName") ?? "",
            resolved.Link.GetDateTimeOffset("ExpiresAt") ?? default,
            resolved.Approved || order.Status is SalesOrderStatus.Aprovado,
            CustomerOrderView.Detail(order, await attachments, await approvals, resultOnly));
    }
}
