using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Functions.Tasks;

namespace CrmSaaS.Functions.Billing;

/// <summary>One line of "clicar sobre o status do pedido" (Centrium 3.2): what was sold, done in the CRM, billed, and billable now.</summary>
public sealed record BillingItemStatus(
    string ItemId,
    string Description,
    ItemKind Kind,
    decimal Quantity,
    bool TaskGated,
    int TasksTotal,
    int TasksCompleted,
    decimal Billed,
    decimal BillableNow);

/// <summary>What a client asks to bill: an item and a quantity.</summary>
public sealed record BillingRequestLine(string? ItemId, decimal? Quantity);

/// <summary>An item the gate refused, as the <c>billing_blocked</c> problem lists it.</summary>
public sealed record BlockedItem(string ItemId, string Description, int Completed, decimal Billed, decimal Requested);

/// <summary>A quantity of one order item going onto an invoice.</summary>
public sealed record BillLine(DocumentItem Item, decimal Quantity);

/// <summary>
/// The billing gate (Centrium 3.1, DESIGN.md §5), without I/O. Only confirmed orders (Pedido, or already partially
/// billed) bill. Item <c>i</c> with generated tasks may bill <c>q</c> only if <c>completed(i) ≥ billed(i) + q</c>; the
/// whole order needs every generated task done. Items without generated tasks (products, or orders that did not
/// generate) follow the order's status alone.
/// </summary>
public static class BillingRules
{
    public static bool StatusBills(SalesOrderStatus status) =>
        status is SalesOrderStatus.Pedido or SalesOrderStatus.FaturadoParcial;

    /// <summary>An item is gated by tasks when the CRM step generated any for it.</summary>
    public static bool IsTaskGated(DocumentItem item, OrderItemTasks? tasks) =>
        item.TasksGenerated > 0 || tasks is { Total: > 0 };

    public static IReadOnlyList<BillingItemStatus> StatusView(SalesOrder order, IReadOnlyDictionary<string, OrderItemTasks> tasks)
    {
        var bills = StatusBills(order.Status);
        return order.Items.Select(item =>
        {
            tasks.TryGetValue(item.Id, out var t);
            var gated = IsTaskGated(item, t);
            var remaining = Math.Max(0, item.Quantity - item.BilledQuantity);
            var billable = !bills ? 0 : gated ? Math.Max(0, Math.Min(remaining, (t?.Completed ?? 0) - item.BilledQuantity)) : remaining;
            return new BillingItemStatus(item.Id, item.Description, item.Kind, item.Quantity, gated, t?.Total ?? 0, t?.Completed ?? 0, item.BilledQuantity, billable);
        }).ToList();
    }

    /// <summary>
    /// The lines to bill: the whole remaining order when <paramref name="requested"/> is empty, else the given
    /// quantities. Throws <c>invalid_state</c> (status), <c>validation</c> (bad lines) or <c>billing_blocked</c> (the gate).
    /// </summary>
    public static IReadOnlyList<BillLine> Plan(
        SalesOrder order, IReadOnlyDictionary<string, OrderItemTasks> tasks, IReadOnlyList<BillingRequestLine>? requested)
    {
        SalesOrderRules.Require(order, SalesOrderAction.Bill);
        if (OrderCrmRules.GenerationState(order) == "pending")
        {
            throw AppException.InvalidState("As tarefas deste pedido ainda estão sendo geradas no CRM. Aguarde alguns instantes e tente novamente.");
        }

        var lines = new List<BillLine>();
        var blocked = new List<BlockedItem>();
        if (requested is null || requested.Count == 0)
        {
            foreach (var item in order.Items)
            {
                var remaining = item.Quantity - item.BilledQuantity;
                if (remaining <= 0)
                {
                    continue;
                }

                tasks.TryGetValue(item.Id, out var t);
                // Full billing: every generated task of the item done, and enough of them for what is left.
                if (IsTaskGated(item, t) && ((t?.Completed ?? 0) < (t?.Total ?? 0) || (t?.Completed ?? 0) < item.Quantity))
                {
                    blocked.Add(new BlockedItem(item.Id, item.Description, t?.Completed ?? 0, item.BilledQuantity, remaining));
                }

                lines.Add(new BillLine(item, remaining));
            }
        }
        else
        {
            var validation = new Validation();
            var byId = order.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var index = 0; index < requested.Count; index++)
            {
                var line = requested[index];
                var field = $"items[{index}]";
                if (string.IsNullOrWhiteSpace(line.ItemId) || !byId.TryGetValue(line.ItemId, out var item))
                {
                    validation.Add($"{field}.itemId", $"Item {index + 1}: item não encontrado neste pedido.");
                    continue;
                }

                if (!seen.Add(item.Id))
                {
                    validation.Add($"{field}.itemId", $"Item {index + 1}: \"{item.Description}\" foi informado mais de uma vez.");
                    continue;
                }

                var quantity = line.Quantity ?? 0;
                var remaining = item.Quantity - item.BilledQuantity;
                if (quantity <= 0)
                {
                    validation.Add($"{field}.quantity", $"Item {index + 1}: informe uma quantidade maior que zero.");
                    continue;
                }

                if (quantity > remaining)
                {
                    validation.Add($"{field}.quantity",
                        $"Item {index + 1}: \"{item.Description}\" tem {BrazilFormat.Quantity(remaining)} a faturar; foram pedidos {BrazilFormat.Quantity(quantity)}.");
                    continue;
                }

                tasks.TryGetValue(item.Id, out var t);
                if (IsTaskGated(item, t) && (t?.Completed ?? 0) < item.BilledQuantity + quantity)
                {
                    blocked.Add(new BlockedItem(item.Id, item.Description, t?.Completed ?? 0, item.BilledQuantity, quantity));
                }

                lines.Add(new BillLine(item, quantity));
            }

            validation.ThrowIfInvalid();
        }

        if (blocked.Count > 0)
        {
            throw Blocked(blocked);
        }

        if (lines.Count == 0)
        {
            throw AppException.InvalidState("Não há quantidade a faturar neste pedido.");
        }

        return lines;
    }

    public static AppException Blocked(IReadOnlyList<BlockedItem> blocked)
    {
        var list = string.Join("; ", blocked.Select(b =>
            $"{b.Description} (tarefas concluídas {b.Completed}, já faturado {BrazilFormat.Quantity(b.Billed)}, solicitado {BrazilFormat.Quantity(b.Requested)})"));
        var problem = new AppException(409, ErrorCodes.BillingBlocked,
            $"Faturamento bloqueado: conclua as tarefas no CRM antes de faturar. {list}.");
        problem.Extensions["blockedItems"] = blocked;
        return problem;
    }

    /// <summary>The order's items with <paramref name="deltas"/> added to their billed quantities (negative when an invoice is cancelled).</summary>
    public static IReadOnlyList<DocumentItem> WithBilled(IReadOnlyList<DocumentItem> items, IReadOnlyDictionary<string, decimal> deltas) =>
        items.Select(i => deltas.TryGetValue(i.Id, out var delta) ? i with { BilledQuantity = Math.Max(0, i.BilledQuantity + delta) } : i).ToList();

    /// <summary>
    /// The amounts of billing <paramref name="quantity"/> of an item of which <paramref name="billedBefore"/> was billed:
    /// the difference of the rounded cumulative shares, so the invoices of one item always add up to its total exactly.
    /// </summary>
    public static LineAmounts AmountsFor(DocumentItem item, decimal billedBefore, decimal quantity)
    {
        decimal Share(decimal value) =>
            Money.Round(value * (billedBefore + quantity) / item.Quantity) - Money.Round(value * billedBefore / item.Quantity);
        var gross = Share(item.Gross);
        var discount = Share(item.DiscountAmount);
        return new LineAmounts(gross, discount, gross - discount);
    }

    /// <summary>ISS of a service amount at the service's rate (percent), rounded to centavos.</summary>
    public static decimal Iss(decimal amount, decimal ratePercent) => Money.Round(amount * ratePercent / 100m);
}
