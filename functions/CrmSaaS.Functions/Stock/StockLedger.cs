using System.Globalization;
using CrmSaaS.Functions.Billing;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Stock;

/// <summary>
/// The stock of the catalogue's products (<c>product|&lt;id&gt;</c>, property <c>Stock</c>), moved by sales orders. It
/// returns transaction actions, so the products change in the same entity-group transaction as the order's status:
/// each product write is guarded by the ETag read here, so two orders confirmed at once cannot both take the last unit.
/// </summary>
public sealed class StockLedger(TenantTable table, BillingSettingsStore settings, AuditLog audit)
{
    /// <summary>Actions that deduct the order's products (the move to Pedido); throws <c>stock_insufficient</c>.</summary>
    public Task<IReadOnlyList<TableTransactionAction>> DeductActionsAsync(SalesOrder order, CancellationToken ct) =>
        AdjustActionsAsync(order, [], order.Items, ct);

    /// <summary>Actions that give the order's products back (cancelling a confirmed order).</summary>
    public Task<IReadOnlyList<TableTransactionAction>> ReturnActionsAsync(SalesOrder order, CancellationToken ct) =>
        AdjustActionsAsync(order, order.Items, [], ct);

    /// <summary>
    /// Actions for the items of a confirmed order changing from <paramref name="before"/> to <paramref name="after"/>
    /// (lines added, removed or with another quantity); nothing for an order that has not moved stock.
    /// </summary>
    public Task<IReadOnlyList<TableTransactionAction>> ChangeActionsAsync(SalesOrder order, IReadOnlyList<DocumentItem> after, CancellationToken ct) =>
        SalesOrderRules.IsConfirmed(order.Status) ? AdjustActionsAsync(order, order.Items, after, ct) : Task.FromResult<IReadOnlyList<TableTransactionAction>>([]);

    private async Task<IReadOnlyList<TableTransactionAction>> AdjustActionsAsync(
        SalesOrder order, IReadOnlyList<DocumentItem> before, IReadOnlyList<DocumentItem> after, CancellationToken ct)
    {
        var quantities = StockRules.Delta(before, after);
        if (quantities.Count == 0)
        {
            return [];
        }

        var settingsTask = settings.GetAsync(ct);
        var ids = quantities.Keys.ToList();
        var rows = await Task.WhenAll(ids.Select(id =>
            Ids.IsWellFormed(id) ? table.GetAsync(KeyRange.Key("product", id), ["Stock", "Description"], ct) : Task.FromResult<TableEntity?>(null)));
        var found = ids.Zip(rows).Where(p => p.Second is not null).ToDictionary(p => p.First, p => p.Second!, StringComparer.Ordinal);
        var stock = found.ToDictionary(p => p.Key, p => (p.Value.GetDecimal("Stock") ?? 0m, p.Value.GetString("Description") ?? ""), StringComparer.Ordinal);
        var changes = StockRules.Move(quantities, stock, (await settingsTask).AllowNegativeStock);

        var actions = new List<TableTransactionAction>();
        foreach (var change in changes)
        {
            var row = table.NewEntity(KeyRange.Key("product", change.ProductId));
            row["Stock"] = change.After;
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, row, found[change.ProductId].ETag));
            var verb = change.Quantity > 0 ? "stock-out" : "stock-in";
            var details = string.Create(CultureInfo.InvariantCulture,
                $"Pedido nº {order.Number}: {(change.Quantity > 0 ? "-" : "+")}{BrazilFormat.Quantity(Math.Abs(change.Quantity))} (estoque {BrazilFormat.Quantity(change.Before)} → {BrazilFormat.Quantity(change.After)})");
            actions.Add(audit.Entry("product", change.ProductId, verb, details));
        }

        return actions;
    }
}
