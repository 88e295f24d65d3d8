using System.Text.Json;
using Azure;
using CrmSaaS.Functions.Opportunities;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Settings;

/// <summary>
/// The tenant's <c>settings|pipeline</c> and <c>settings|order-crm</c> rows. Sign-up writes both; readers still fall back
/// to the defaults when a row is missing, and then report <see cref="DefaultsETag"/> as its version, so the first save
/// of a missing row is guarded like any other.
/// </summary>
public sealed class SettingsStore(TenantTable table, SettingsReferences references, AuditLog audit, TimeProvider clock)
{
    public const string PipelineKey = "settings|pipeline";
    public const string OrderCrmKey = "settings|order-crm";
    public const string InUse = "in_use";

    /// <summary>Version of a settings record that was never saved (the defaults are shown).</summary>
    public static readonly ETag DefaultsETag = new("\"defaults\"");

    public async Task<PipelineSettings> GetPipelineAsync(CancellationToken ct = default)
    {
        var row = await table.GetAsync(PipelineKey, ct);
        return row is null ? new PipelineSettings(PipelineRules.DefaultStages, DefaultsETag) : ReadPipeline(row);
    }

    public async Task<PipelineSettings> SavePipelineAsync(IReadOnlyList<PipelineStageInput>? stages, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await table.GetAsync(PipelineKey, ct);
        var current = row is null ? new PipelineSettings(PipelineRules.DefaultStages, DefaultsETag) : ReadPipeline(row);
        RequireVersion(current.ETag, ifMatch);

        var (updated, removed) = PipelineRules.Apply(current.Stages, stages, () => Ids.New().ToLowerInvariant());
        var actions = new List<TableTransactionAction>();
        var emptiedStages = new List<List<TableTransactionAction>>();
        if (removed.Count > 0)
        {
            var stats = await StageStatsRows.ReadAllAsync(table, ct);
            foreach (var stageId in removed)
            {
                var name = current.NameOf(stageId);
                if (stats.TryGetValue(stageId, out var stat) && stat.Count > 0)
                {
                    throw new AppException(409, InUse,
                        $"A etapa \"{name}\" tem {stat.Count} oportunidade(s) aberta(s): mova-as para outra etapa antes de removê-la.");
                }

                // Deleting the empty stats rows under their ETags makes the batch fail if an opportunity entered the stage meanwhile.
                if (stat is not null)
                {
                    emptiedStages.Add(StageStatsRows.DeleteActions(table, stageId, stat).ToList());
                }
            }

            var orderCrm = await table.GetAsync(OrderCrmKey, ["StageId"], ct);
            var orderCrmStage = orderCrm?.GetString("StageId");
            if (orderCrmStage is not null && removed.Contains(orderCrmStage))
            {
                throw new AppException(409, InUse,
                    $"A etapa \"{current.NameOf(orderCrmStage)}\" é a etapa das oportunidades geradas por pedidos de venda: altere as configurações de Pedido → CRM antes de removê-la.");
            }
        }

        var entity = table.NewEntity(PipelineKey);
        entity["StagesJson"] = JsonSerializer.Serialize(updated, JsonDefaults.Options);
        entity.StampUpdated(table.Context, clock.GetUtcNow());
        actions.Insert(0, row is null
            ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, row.ETag));
        actions.Add(audit.Entry("settings", "pipeline", "updated", string.Join(", ", updated.Select(s => s.Name))));
        if (actions.Count + emptiedStages.Sum(d => d.Count) <= TableLimits.MaxBatchOperations)
        {
            actions.AddRange(emptiedStages.SelectMany(d => d));
        }
        else
        {
            // Removing many stages at once can exceed one batch: each stage's rows go first, one batch per stage with the
            // same guard. If the settings write then loses a race, the stages stay and their deleted rows held only zeros.
            foreach (var deletes in emptiedStages)
            {
                await table.SubmitAsync(deletes, ct);
            }
        }

        await table.SubmitAsync(actions, ct);
        return new PipelineSettings(updated, entity.ETag);
    }

    /// <summary>The order → CRM settings; when never saved, the defaults with the pipeline's first stage.</summary>
    public async Task<OrderCrmSettings> GetOrderCrmAsync(CancellationToken ct = default)
    {
        var row = await table.GetAsync(OrderCrmKey, ct);
        if (row is not null && !string.IsNullOrEmpty(row.GetString("StageId")))
        {
            return ReadOrderCrm(row);
        }

        var pipeline = await GetPipelineAsync(ct);
        return row is null
            ? new OrderCrmSettings(true, true, pipeline.First.Id, null, null, OrderCrmRules.DefaultTitlePattern, null, null,
                OrderCrmRules.DefaultTaskDueDays, true, DefaultsETag)
            : ReadOrderCrm(row) with { StageId = pipeline.First.Id };
    }

    public async Task<OrderCrmSettings> SaveOrderCrmAsync(OrderCrmInput input, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await table.GetAsync(OrderCrmKey, ct);
        RequireVersion(row?.ETag ?? DefaultsETag, ifMatch);

        var validation = new Validation();
        var pipeline = await GetPipelineAsync(ct);
        var stage = pipeline.Find(input.StageId);
        validation.Check(stage is not null, "stageId", "Escolha uma etapa do funil para as oportunidades geradas.");
        var owner = await FindUserAsync(input.OwnerId, "ownerId", "O responsável escolhido não existe ou está desativado.", validation, ct);
        var assignee = await FindUserAsync(input.TaskAssigneeId, "taskAssigneeId", "O responsável pelas tarefas não existe ou está desativado.", validation, ct);
        var patternError = OrderCrmRules.ValidatePattern(input.TitlePattern);
        if (patternError is not null)
        {
            validation.Add("titlePattern", patternError);
        }

        var dueDays = input.TaskDueDays ?? OrderCrmRules.DefaultTaskDueDays;
        validation.Check(dueDays is >= 0 and <= OrderCrmRules.MaxTaskDueDays, "taskDueDays",
            $"O prazo das tarefas deve ficar entre 0 e {OrderCrmRules.MaxTaskDueDays} dias.");
        validation.ThrowIfInvalid();

        var entity = table.NewEntity(OrderCrmKey);
        entity["Enabled"] = input.Enabled;
        entity["DefaultGenerate"] = input.DefaultGenerate;
        entity["StageId"] = stage!.Id;
        entity["OwnerId"] = owner?.Id ?? "";
        entity["OwnerName"] = owner?.Name ?? "";
        entity["TitlePattern"] = input.TitlePattern!.Trim();
        entity["TaskAssigneeId"] = assignee?.Id ?? "";
        entity["TaskAssigneeName"] = assignee?.Name ?? "";
        entity["TaskDueDays"] = dueDays;
        entity["ShowProjectAndContract"] = input.ShowProjectAndContract;
        entity.StampUpdated(table.Context, clock.GetUtcNow());
        await table.SubmitAsync(
        [
            row is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, row.ETag),
            audit.Entry("settings", "order-crm", "updated", input.Enabled ? "ativo" : "inativo"),
        ], ct);
        return ReadOrderCrm(entity);
    }

    private async Task<StaffUserRef?> FindUserAsync(string? userId, string field, string message, Validation validation, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            return null;
        }

        var user = await references.FindAssignableUserAsync(userId.Trim(), ct);
        validation.Check(user is not null, field, message);
        return user;
    }

    private static void RequireVersion(ETag current, ETag ifMatch)
    {
        if (current != ifMatch)
        {
            throw new AppException(412, ErrorCodes.Conflict, ProblemDetailsMapping.ConflictDetail);
        }
    }

    private static PipelineSettings ReadPipeline(TableEntity row)
    {
        var stages = JsonSerializer.Deserialize<List<PipelineStage>>(row.GetString("StagesJson") ?? "[]", JsonDefaults.Options) ?? [];
        return stages.Count == 0
            ? new PipelineSettings(PipelineRules.DefaultStages, row.ETag)
            : new PipelineSettings(stages.OrderBy(s => s.Order).ToList(), row.ETag);
    }

    private static OrderCrmSettings ReadOrderCrm(TableEntity row) => new(
        row.GetBoolean("Enabled") ?? true,
        row.GetBoolean("DefaultGenerate") ?? true,
        row.GetString("StageId") ?? "",
        NullIfEmpty(row.GetString("OwnerId")),
        NullIfEmpty(row.GetString("OwnerName")),
        NullIfEmpty(row.GetString("TitlePattern")) ?? OrderCrmRules.DefaultTitlePattern,
        NullIfEmpty(row.GetString("TaskAssigneeId")),
        NullIfEmpty(row.GetString("TaskAssigneeName")),
        row.GetInt32("TaskDueDays") ?? OrderCrmRules.DefaultTaskDueDays,
        row.GetBoolean("ShowProjectAndContract") ?? true,
        row.ETag);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
