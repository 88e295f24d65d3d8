using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmSaaS.Functions.SalesOrders;

/// <summary>
/// Order → CRM (Centrium "Integração Pedido de Venda X CRM"): the generated opportunity's title and one task per unit
/// of each service item, subject = item description. No I/O.
/// </summary>
public static partial class OrderCrmRules
{
    public const int MaxTitle = 200;

    /// <summary>
    /// The opportunity title from the settings' pattern: {numero}, {cliente} and {projeto}. When the order has a project
    /// it always goes into the title (appended when the pattern has no {projeto}); without one the placeholder and the
    /// separator before it disappear.
    /// </summary>
    public static string OpportunityTitle(string? pattern, long orderNumber, string customerName, string? project)
    {
        var text = string.IsNullOrWhiteSpace(pattern) ? OrderCrmSettings.DefaultTitlePattern : pattern;
        project = project?.Trim() ?? "";
        if (project.Length > 0 && !text.Contains("{projeto}", StringComparison.OrdinalIgnoreCase))
        {
            text += " - {projeto}";
        }

        if (project.Length == 0)
        {
            text = EmptyProject().Replace(text, "");
        }

        var title = text
            .Replace("{numero}", orderNumber.ToString(CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase)
            .Replace("{número}", orderNumber.ToString(CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase)
            .Replace("{cliente}", customerName.Trim(), StringComparison.OrdinalIgnoreCase)
            .Replace("{projeto}", project, StringComparison.OrdinalIgnoreCase);
        title = Spaces().Replace(title, " ").Trim().Trim('-', '–', '/', '|').Trim();
        if (title.Length == 0)
        {
            title = $"Pedido {orderNumber.ToString(CultureInfo.InvariantCulture)}";
        }

        return title.Length <= MaxTitle ? title : title[..MaxTitle].TrimEnd();
    }

    /// <summary>
    /// The tasks still to create: for each service item, units after those already generated up to its quantity
    /// (rounded up), in item order. Products generate no tasks.
    /// </summary>
    public static IReadOnlyList<(DocumentItem Item, int UnitIndex)> PendingUnits(IReadOnlyList<DocumentItem> items)
    {
        var pending = new List<(DocumentItem, int)>();
        foreach (var item in items.Where(i => i.Kind == ItemKind.Service))
        {
            for (var unit = item.TasksGenerated + 1; unit <= item.TaskUnits; unit++)
            {
                pending.Add((item, unit));
            }
        }

        return pending;
    }

    /// <summary>Tasks the order's service items ask for in total (the progress the order shows).</summary>
    public static int ExpectedTasks(IReadOnlyList<DocumentItem> items) => items.Sum(i => i.TaskUnits);

    public static int GeneratedTasks(IReadOnlyList<DocumentItem> items) => items.Where(i => i.Kind == ItemKind.Service).Sum(i => i.TasksGenerated);

    /// <summary>Marks units up to <paramref name="upTo"/> of each item as generated.</summary>
    public static IReadOnlyList<DocumentItem> MarkGenerated(IReadOnlyList<DocumentItem> items, IReadOnlyDictionary<string, int> upTo) =>
        items.Select(i => upTo.TryGetValue(i.Id, out var unit) && unit > i.TasksGenerated ? i with { TasksGenerated = unit } : i).ToList();

    /// <summary>
    /// Where the order stands with the CRM: "off" (not asked), "on-confirm" (asked; runs when the order is confirmed),
    /// "pending" (queued or running), "done" (opportunity linked and every unit has its task).
    /// </summary>
    public static string GenerationState(SalesOrder order)
    {
        if (!order.GenerateOpportunity)
        {
            return "off";
        }

        if (order.Status == SalesOrderStatus.Cancelado)
        {
            return order.OpportunityId.Length > 0 ? "done" : "off";
        }

        if (!SalesOrderRules.IsConfirmed(order.Status))
        {
            return "on-confirm";
        }

        return order.OpportunityId.Length > 0 && PendingUnits(order.Items).Count == 0 ? "done" : "pending";
    }

    // A "{projeto}" with the separator before it (" - {projeto}", " / {projeto}", "({projeto})").
    [GeneratedRegex(@"\s*[-–/|:]?\s*\(?\{projeto\}\)?", RegexOptions.IgnoreCase)]
    private static partial Regex EmptyProject();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
