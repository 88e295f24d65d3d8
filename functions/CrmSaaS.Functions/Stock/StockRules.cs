using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;

namespace CrmSaaS.Functions.Stock;

/// <summary>A product's stock before and after an order's movement.</summary>
public sealed record StockChange(string ProductId, string Description, decimal Before, decimal After, decimal Quantity);

/// <summary>A product the order needs more of than there is in stock, as the <c>stock_insufficient</c> problem lists it.</summary>
public sealed record StockShortage(string ProductId, string Description, decimal Available, decimal Requested);

/// <summary>
/// Stock movements of a sales order, without I/O (oGestor: moving an order to Pedido "faz a baixa de estoque dos
/// produtos"; cancelling gives the goods back). Stock never goes negative unless the tenant allows it.
/// </summary>
public static class StockRules
{
    public const string InsufficientCode = "stock_insufficient";

    /// <summary>Quantity per product over the order's product lines (a product may appear on several lines).</summary>
    public static IReadOnlyDictionary<string, decimal> ProductQuantities(IEnumerable<DocumentItem> items) =>
        items.Where(i => i.Kind == ItemKind.Product && !string.IsNullOrEmpty(i.ProductId))
            .GroupBy(i => i.ProductId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity), StringComparer.Ordinal);

    /// <summary>What leaves stock per product when an order's items go from <paramref name="before"/> to <paramref name="after"/> (negative: comes back).</summary>
    public static IReadOnlyDictionary<string, decimal> Delta(IEnumerable<DocumentItem> before, IEnumerable<DocumentItem> after)
    {
        var delta = ProductQuantities(after).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (productId, quantity) in ProductQuantities(before))
        {
            delta[productId] = delta.GetValueOrDefault(productId) - quantity;
        }

        return delta.Where(d => d.Value != 0).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
    }

    /// <param name="outgoing">Quantity leaving stock per product; negative comes back.</param>
    /// <param name="stock">Current stock and description per product id; a product missing here was deleted and is skipped.</param>
    public static IReadOnlyList<StockChange> Move(
        IReadOnlyDictionary<string, decimal> outgoing,
        IReadOnlyDictionary<string, (decimal Stock, string Description)> stock,
        bool allowNegative)
    {
        var changes = new List<StockChange>();
        var shortages = new List<StockShortage>();
        foreach (var (productId, quantity) in outgoing.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            if (!stock.TryGetValue(productId, out var current))
            {
                continue;
            }

            var after = current.Stock - quantity;
            if (quantity > 0 && after < 0 && !allowNegative)
            {
                shortages.Add(new StockShortage(productId, current.Description, current.Stock, quantity));
                continue;
            }

            changes.Add(new StockChange(productId, current.Description, current.Stock, after, quantity));
        }

        if (shortages.Count > 0)
        {
            var list = string.Join("; ", shortages.Select(s =>
                $"{s.Description} (disponível {BrazilFormat.Quantity(s.Available)}, pedido {BrazilFormat.Quantity(s.Requested)})"));
            var problem = new AppException(409, InsufficientCode, $"Estoque insuficiente: {list}.");
            problem.Extensions["products"] = shortages;
            throw problem;
        }

        return changes;
    }
}
