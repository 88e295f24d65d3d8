using System.Text.Json;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Identity;

/// <summary>
/// The settings a new tenant starts with, written in the sign-up batch. Readers still fall back to the same
/// defaults when a row is missing (tenants created before a setting existed).
/// </summary>
public static class TenantDefaults
{
    public sealed record Stage(string Id, string Name, int Order);

    public static readonly IReadOnlyList<Stage> PipelineStages =
    [
        new("prospeccao", "Prospecção", 1),
        new("qualificacao", "Qualificação", 2),
        new("proposta", "Proposta", 3),
        new("negociacao", "Negociação", 4),
        new("fechamento", "Fechamento", 5),
    ];

    /// <summary>Per-tenant sequences (pedido nº, NFS-e nº …); the first number issued is 1.</summary>
    public static readonly IReadOnlyList<string> Counters = ["order", "quote", "invoice", "service-order", "contract"];

    public const string OrderCrmTitlePattern = "Pedido {numero} - {cliente}";
    public const int OrderCrmTaskDueDays = 7;

    public static IEnumerable<TableEntity> SettingsRows(TenantTable table)
    {
        var pipeline = table.NewEntity("settings|pipeline");
        pipeline["StagesJson"] = JsonSerializer.Serialize(PipelineStages, JsonDefaults.Options);
        yield return pipeline;

        // Sales orders generate an opportunity and one task per unit (Centrium); on by default, per order overridable.
        var orderCrm = table.NewEntity("settings|order-crm");
        orderCrm["Enabled"] = true;
        orderCrm["DefaultGenerate"] = true;
        orderCrm["StageId"] = PipelineStages[0].Id;
        orderCrm["OwnerId"] = "";
        orderCrm["TitlePattern"] = OrderCrmTitlePattern;
        orderCrm["TaskAssigneeId"] = "";
        orderCrm["TaskDueDays"] = OrderCrmTaskDueDays;
        orderCrm["ShowProjectAndContract"] = true;
        yield return orderCrm;

        foreach (var counter in Counters)
        {
            var row = table.NewEntity(KeyRange.Key("counter", counter));
            row["Value"] = 0L;
            yield return row;
        }
    }
}
