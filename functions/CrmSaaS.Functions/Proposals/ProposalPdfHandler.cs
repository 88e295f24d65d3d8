using CrmSaaS.Functions.Documents;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;

namespace CrmSaaS.Functions.Proposals;

/// <summary>
/// Queue step <c>proposal-pdf</c>: renders the proposal of an order in <c>Proposta</c> and attaches it as the next
/// version (seed 003: the customer area always carries a PDF copy of the printed proposal). Idempotent: when the
/// order's proposal content (<see cref="ProposalContent.Fingerprint"/>) is the one already rendered, nothing changes.
/// </summary>
public sealed class ProposalPdfHandler(
    OrderFiles files,
    TenantTable table,
    ILogger<ProposalPdfHandler> logger) : IQueueHandler
{
    public string FunctionName => "ProposalPdf";

    public string QueueName => SalesOrderStore.ProposalPdfQueue;

    public async Task HandleAsync(QueueEnvelope message, CancellationToken ct)
    {
        var body = message.Read<OrderEventMessage>();
        if (!Ids.IsWellFormed(body.OrderId) || await table.GetAsync(SalesOrder.RowKey(body.OrderId), ct) is not { } row)
        {
            logger.LogWarning("Proposal PDF for unknown order {OrderId}: nothing to render", body.OrderId);
            return;
        }

        var order = SalesOrder.FromEntity(row);
        await RenderAsync(order, ct);
    }

    /// <summary>The current proposal of <paramref name="order"/>, rendering a new version only when its content changed.</summary>
    public async Task<OrderAttachment?> RenderAsync(SalesOrder order, CancellationToken ct)
    {
        if (order.Status != SalesOrderStatus.Proposta)
        {
            // Approved or confirmed meanwhile: the version the customer saw must stay the current one.
            return await files.GetAsync(order.Id, AttachmentKinds.Proposal, ct);
        }

        var fingerprint = ProposalContent.Fingerprint(order);
        var current = await files.GetAsync(order.Id, AttachmentKinds.Proposal, ct);
        if (current is { Version: > 0 } && current.Fingerprint == fingerprint)
        {
            return current;
        }

        var tenant = table.GetAsync("tenant", ct);
        var settings = table.GetAsync("settings|proposal", ct);
        var customer = table.GetAsync(KeyRange.Key("customer", order.CustomerId), ct);
        await Task.WhenAll(tenant, settings, customer);
        var version = (current?.Version ?? 0) + 1;
        var pdf = ProposalPdf.Render(ProposalContent.Build(order, version, await tenant, await settings, await customer));
        var saved = await files.AddVersionAsync(order.Id, AttachmentKinds.Proposal, pdf, fingerprint, ct: ct);
        logger.LogInformation("Proposal of order {OrderId} rendered as version {Version} ({Size} bytes)", order.Id, saved.Version, saved.Size);
        return saved;
    }
}
