using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Proposals;

/// <summary>Who approves: the customer contact, and through which door.</summary>
public sealed record Approver(string ContactId, string ContactName, string Email, string Via, string LinkId = "");

public static class ApprovalVia
{
    public const string CustomerArea = "customer-area";
    public const string Link = "link";
}

/// <summary>
/// The evidence of one customer approval (<c>order-approval|&lt;orderId&gt;|&lt;approvalId&gt;</c>): who, when, from where, and
/// the SHA-256 of exactly the proposal PDF and signed contract approved — what makes an electronic acceptance
/// defensible (MP 2.200-2/2001, art. 10 §2: parties may agree on other means of proving authorship and integrity).
/// </summary>
public sealed record ApprovalRecord(
    string Id,
    DateTimeOffset ApprovedAt,
    string ContactId,
    string ContactName,
    string Email,
    string Via,
    string LinkId,
    string IpAddress,
    string UserAgent,
    int ProposalVersion,
    string ProposalSha256,
    int? SignedContractVersion,
    string? SignedContractSha256)
{
    public static string Prefix(string orderId) => KeyRange.Key("order-approval", orderId) + "|";

    public static ApprovalRecord FromEntity(TableEntity row) => new(
        row.GetString("Id") ?? "",
        row.GetDateTimeOffset("ApprovedAt") ?? default,
        row.GetString("ContactId") ?? "",
        row.GetString("ContactName") ?? "",
        row.GetString("Email") ?? "",
        row.GetString("Via") ?? "",
        row.GetString("LinkId") ?? "",
        row.GetString("IpAddress") ?? "",
        row.GetString("UserAgent") ?? "",
        row.GetInt32("ProposalVersion") ?? 0,
        row.GetString("ProposalSha256") ?? "",
        row.GetInt32("SignedContractVersion"),
        row.GetString("SignedContractSha256"));
}

/// <summary>
/// The customer's side of the proposal: the signed-contract upload and "Aprovar proposta" (seed 003), shared by the
/// customer area and the e-mailed links. Callers have already proved the order is the caller's.
/// </summary>
public sealed class ProposalApproval(SalesOrderStore orders, OrderFiles files, TenantTable table, AuditLog audit, TimeProvider clock)
{
    public const string ProposalOutdated = "proposal_outdated";
    public const string NeedsSignedContract = "Envie o contrato assinado antes de aprovar a proposta.";

    /// <summary>Why the customer cannot approve now (pt-BR), or null when "Aprovar proposta" is allowed.</summary>
    public static string? BlockedReason(SalesOrder order, IReadOnlyDictionary<string, OrderAttachment> attachments)
    {
        var (_, refusal) = SalesOrderRules.Next(order, SalesOrderAction.Approve);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!attachments.TryGetValue(AttachmentKinds.Proposal, out var proposal) || proposal.Fingerprint != ProposalContent.Fingerprint(order))
        {
            return "A proposta foi alterada e o PDF está sendo gerado novamente. Aguarde alguns instantes e tente de novo.";
        }

        return HasCurrentSignedContract(attachments) ? null : NeedsSignedContract;
    }

    /// <summary>Without a contract nothing needs signing; with one, the signed copy must answer its current version.</summary>
    public static bool HasCurrentSignedContract(IReadOnlyDictionary<string, OrderAttachment> attachments) =>
        !attachments.TryGetValue(AttachmentKinds.Contract, out var contract)
        || (attachments.TryGetValue(AttachmentKinds.SignedContract, out var signed) && signed.ForContractVersion == contract.Version);

    public async Task<SalesOrder> ApproveAsync(
        SalesOrder order, TableEntity row, Approver approver, IEnumerable<TableTransactionAction>? extra, CancellationToken ct)
    {
        SalesOrderRules.Require(order, SalesOrderAction.Approve);
        var attachments = await files.ListAsync(order.Id, ct);
        if (!attachments.TryGetValue(AttachmentKinds.Proposal, out var proposal) || proposal.Fingerprint != ProposalContent.Fingerprint(order))
        {
            throw new AppException(409, ProposalOutdated,
                "A proposta foi alterada e o PDF está sendo gerado novamente. Aguarde alguns instantes e tente de novo.");
        }

        if (!HasCurrentSignedContract(attachments))
        {
            throw AppException.InvalidState(NeedsSignedContract);
        }

        var signed = attachments.ContainsKey(AttachmentKinds.Contract) ? attachments[AttachmentKinds.SignedContract] : null;
        var context = table.Context;
        var now = clock.GetUtcNow();
        var id = Ids.New(now);
        var record = table.NewEntity(KeyRange.Key("order-approval", order.Id, id));
        record["Id"] = id;
        record["OrderId"] = order.Id;
        record["ApprovedAt"] = now;
        record["ContactId"] = approver.ContactId;
        record["ContactName"] = approver.ContactName;
        record["Email"] = approver.Email;
        record["Via"] = approver.Via;
        record["LinkId"] = approver.LinkId;
        record["IpAddress"] = context.IpAddress ?? "";
        record["UserAgent"] = Truncate(context.UserAgent, 512);
        record["ProposalVersion"] = proposal.Version;
        record["ProposalSha256"] = proposal.Sha256;
        record["SignedContractVersion"] = signed?.Version;
        record["SignedContractSha256"] = signed?.Sha256;
        var details = $"Proposta → Aprovado pelo cliente ({approver.ContactName}, {approver.Via}); proposta v{proposal.Version} sha256 {proposal.Sha256}"
            + (signed is null ? "" : $"; contrato assinado v{signed.Version} sha256 {signed.Sha256}");
        var evidence = new List<TableTransactionAction> { new(TableTransactionActionType.Add, record) };
        evidence.AddRange(extra ?? []);
        return await orders.ApproveByCustomerAsync(order, row, details, evidence, ct);
    }

    /// <summary>The customer's signed copy, stored as "Contrato Assinado" whatever its name; a new upload is a new version.</summary>
    public async Task<OrderAttachment> UploadSignedContractAsync(SalesOrder order, byte[] pdf, CancellationToken ct)
    {
        if (order.Status != SalesOrderStatus.Proposta)
        {
            throw AppException.InvalidState(SalesOrderRules.Next(order, SalesOrderAction.Approve).Refusal
                ?? "O contrato assinado só pode ser enviado enquanto o pedido é uma proposta.");
        }

        var contract = await files.GetAsync(order.Id, AttachmentKinds.Contract, ct);
        if (contract is not { Version: > 0 })
        {
            throw AppException.InvalidState("Este pedido não tem contrato para assinar.");
        }

        var saved = await files.AddVersionAsync(order.Id, AttachmentKinds.SignedContract, pdf, forContractVersion: contract.Version, ct: ct);
        await table.SubmitAsync([audit.Entry("order", order.Id, "signed-contract-uploaded", $"Contrato assinado v{saved.Version} sha256 {saved.Sha256}")], ct);
        return saved;
    }

    /// <summary>Staff attach the sales contract (seed 003: "contrato de vendas gravado junto com este pedido").</summary>
    public async Task<OrderAttachment> UploadContractAsync(SalesOrder order, byte[] pdf, CancellationToken ct)
    {
        if (order.Status != SalesOrderStatus.Proposta)
        {
            throw AppException.InvalidState("O contrato só pode ser anexado enquanto o pedido é uma proposta. Revise a proposta antes.");
        }

        var saved = await files.AddVersionAsync(order.Id, AttachmentKinds.Contract, pdf, ct: ct);
        await table.SubmitAsync([audit.Entry("order", order.Id, "contract-uploaded", $"Contrato v{saved.Version} sha256 {saved.Sha256}")], ct);
        return saved;
    }

    public async Task<IReadOnlyList<ApprovalRecord>> ListAsync(string orderId, CancellationToken ct)
    {
        var records = new List<ApprovalRecord>();
        await foreach (var row in table.QueryPrefixAsync(ApprovalRecord.Prefix(orderId), ct: ct))
        {
            records.Add(ApprovalRecord.FromEntity(row));
        }

        return records;
    }

    private static string Truncate(string? value, int max) => value is null ? "" : value.Length <= max ? value : value[..max];
}
