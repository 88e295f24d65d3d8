using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Inventory;

/// <summary>
/// The guard the site and contract deletes call: a site or contract that inventory items still point at cannot be
/// deleted (Citrus.cx: items are registered per site and per contract) until the items are moved or removed.
/// Each check is one single-row range scan of the inventory's site or contract index.
/// </summary>
public sealed class InventoryReferences(TenantTable table)
{
    /// <summary>409 code shared with the other "referenced, cannot be deleted" refusals.</summary>
    public const string InUseCode = "in_use";

    public async Task<bool> HasItemsForSiteAsync(string customerId, string siteId, CancellationToken ct = default) =>
        await FirstItemForSiteAsync(customerId, siteId, ct) is not null;

    public async Task<bool> HasItemsForContractAsync(string contractId, CancellationToken ct = default) =>
        await FirstItemForContractAsync(contractId, ct) is not null;

    /// <summary>Throws 409 <c>in_use</c> (pt-BR detail naming one of the items) when the site still holds items.</summary>
    public async Task EnsureSiteHasNoItemsAsync(string customerId, string siteId, CancellationToken ct = default)
    {
        if (await FirstItemForSiteAsync(customerId, siteId, ct) is { } item)
        {
            throw new AppException(409, InUseCode,
                $"Este site tem itens de inventário (por exemplo, o número de série {item.GetString("SerialNumber")}): "
                + "mova os itens para outro site ou exclua-os antes de excluir o site.");
        }
    }

    /// <summary>Throws 409 <c>in_use</c> (pt-BR detail naming one of the items) when the contract still has items.</summary>
    public async Task EnsureContractHasNoItemsAsync(string contractId, CancellationToken ct = default)
    {
        if (await FirstItemForContractAsync(contractId, ct) is { } item)
        {
            throw new AppException(409, InUseCode,
                $"Este contrato tem itens de inventário (por exemplo, o número de série {item.GetString("SerialNumber")}): "
                + "passe os itens para outro contrato ou exclua-os antes de excluir o contrato.");
        }
    }

    private Task<TableEntity?> FirstItemForSiteAsync(string customerId, string siteId, CancellationToken ct) =>
        Ids.IsWellFormed(customerId) && Ids.IsWellFormed(siteId)
            ? FirstAsync(InventoryStore.SitePrefix(customerId, siteId), ct)
            : Task.FromResult<TableEntity?>(null);

    private Task<TableEntity?> FirstItemForContractAsync(string contractId, CancellationToken ct) =>
        Ids.IsWellFormed(contractId) ? FirstAsync(InventoryStore.ContractPrefix(contractId), ct) : Task.FromResult<TableEntity?>(null);

    private async Task<TableEntity?> FirstAsync(string prefix, CancellationToken ct)
    {
        var page = await table.ScanPageAsync(prefix, 1, null, select: ["SerialNumber"], ct: ct);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }
}
