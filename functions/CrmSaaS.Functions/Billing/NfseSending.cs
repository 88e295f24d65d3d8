using System.Security.Cryptography;
using System.Text;
using CrmSaaS.Functions.Billing.Nfse;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Billing;

/// <summary>What the <c>nfse-send</c> step hands to a gateway: the stored, unsigned DPS of one invoice.</summary>
public sealed record NfseSubmission(string TenantId, string InvoiceId, string DpsId, byte[] DpsXml);

/// <summary>The gateway's answer: an <see cref="NfseStatus"/> value, the access key when accepted, and a pt-BR message.</summary>
public sealed record NfseResult(string Status, string Key, string Message);

/// <summary>
/// The boundary to the national NFS-e API (Sefin Nacional). Two implementations: <see cref="LocalFakeNfseGateway"/>
/// (development and tests) and <see cref="NotConfiguredNfseGateway"/> (every tenant until signing with its ICP-Brasil
/// certificate and the mTLS call to the national endpoint are built; see docs/billing.md). Chosen by <c>Nfse:Gateway</c>.
/// </summary>
public interface INfseGateway
{
    string Name { get; }

    Task<NfseResult> SendAsync(NfseSubmission submission, CancellationToken ct);
}

/// <summary>
/// Stands in for the national API on a workstation: checks the DPS structurally and answers with a key that starts
/// with "LOCAL", so nobody can take it for a real NFS-e.
/// </summary>
public sealed class LocalFakeNfseGateway : INfseGateway
{
    public const string GatewayName = "local-fake";

    public string Name => GatewayName;

    public Task<NfseResult> SendAsync(NfseSubmission submission, CancellationToken ct)
    {
        var errors = DpsValidator.Validate(Encoding.UTF8.GetString(submission.DpsXml));
        if (errors.Count > 0)
        {
            return Task.FromResult(new NfseResult(NfseStatus.Rejected, "", "DPS rejeitada pelo simulador local: " + string.Join(" ", errors)));
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(submission.TenantId + "|" + submission.DpsId)));
        return Task.FromResult(new NfseResult(
            NfseStatus.Accepted,
            "LOCAL" + hash[..45],
            "Aceita pelo simulador local: nenhuma nota foi transmitida à Receita Federal."));
    }
}

/// <summary>The tenant has no certificate and endpoint: records the invoice as waiting for them, sends nothing.</summary>
public sealed class NotConfiguredNfseGateway : INfseGateway
{
    public const string GatewayName = "not-configured";

    public string Name => GatewayName;

    public Task<NfseResult> SendAsync(NfseSubmission submission, CancellationToken ct) =>
        Task.FromResult(new NfseResult(
            NfseStatus.PendingCertificate,
            "",
            "NFS-e não transmitida: configure o certificado digital ICP-Brasil A1 e o acesso à API nacional da NFS-e."));
}

/// <summary>The message of the <c>nfse-send</c> queue.</summary>
public sealed record NfseSendMessage(string InvoiceId);

/// <summary>
/// Sends a queued invoice's DPS through the configured gateway and records the answer. Idempotent: an invoice that
/// is no longer <c>queued</c> (already answered, or cancelled before sending) is left as it is.
/// </summary>
public sealed class NfseSendHandler(TenantTable table, TenantFiles files, INfseGateway gateway, AuditLog audit) : IQueueHandler
{
    public const string Queue = "nfse-send";

    public string FunctionName => "NfseSend";

    public string QueueName => Queue;

    public async Task HandleAsync(QueueEnvelope message, CancellationToken ct)
    {
        var body = message.Read<NfseSendMessage>();
        if (!Ids.IsWellFormed(body.InvoiceId) || await table.GetAsync(Invoice.RowKey(body.InvoiceId), ct) is not { } row)
        {
            return;
        }

        var invoice = Invoice.FromEntity(row);
        if (invoice.NfseStatus != NfseStatus.Queued || invoice.Status != InvoiceStatus.Issued)
        {
            return;
        }

        await using var download = await files.DownloadAsync(Invoice.DpsFileKind, invoice.Id, Invoice.DpsFileName, ct);
        using var buffer = new MemoryStream();
        await download.Content.CopyToAsync(buffer, ct);
        var result = await gateway.SendAsync(new NfseSubmission(table.TenantId, invoice.Id, invoice.DpsId, buffer.ToArray()), ct);

        var after = invoice with { NfseStatus = result.Status, NfseGateway = gateway.Name, NfseKey = result.Key, NfseMessage = result.Message };
        after.WriteTo(row);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, invoice.ETag) };
        actions.AddRange(InvoiceStore.IndexActions(table, after));
        actions.Add(audit.Entry("invoice", invoice.Id, "nfse-" + result.Status, $"{gateway.Name}: {result.Message}"));
        await table.SubmitAsync(actions, ct);
    }
}
