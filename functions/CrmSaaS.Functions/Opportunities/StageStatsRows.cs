using Azure;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Opportunities;

/// <summary>Count and ticket total of the open opportunities of one stage, as stored in <c>opp-stage-stats|&lt;stageId&gt;</c>.</summary>
public sealed record StageStat(int Count, decimal Total, ETag ETag);

/// <summary>
/// Per-stage statistics rows, kept up to date inside the same batches that move opportunities in and out of a stage, so the
/// kanban shows each column's count and total without scanning its cards. The rows of all stages are read with one scan.
/// </summary>
public static class StageStatsRows
{
    public const string Prefix = "opp-stage-stats|";

    public static string Key(string stageId) => KeyRange.Key("opp-stage-stats", stageId);

    public static async Task<Dictionary<string, StageStat>> ReadAllAsync(TenantTable table, CancellationToken ct)
    {
        var stats = new Dictionary<string, StageStat>(StringComparer.Ordinal);
        await foreach (var row in table.QueryPrefixAsync(Prefix, ct: ct))
        {
            stats[row.RowKey[Prefix.Length..]] = new StageStat(row.GetInt32("Count") ?? 0, row.GetDecimal("Total") ?? 0m, row.ETag);
        }

        return stats;
    }

    /// <summary>The batch actions that apply <paramref name="deltas"/>: an update under the row's ETag, or an insert for a new stage.</summary>
    public static IEnumerable<TableTransactionAction> Actions(
        TenantTable table, IReadOnlyDictionary<string, StageDelta> deltas, IReadOnlyDictionary<string, StageStat> current)
    {
        foreach (var (stageId, delta) in deltas)
        {
            var row = table.NewEntity(Key(stageId));
            if (current.TryGetValue(stageId, out var stat))
            {
                row["Count"] = Math.Max(0, stat.Count + delta.Count);
                row["Total"] = stat.Total + delta.Total;
                yield return new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, stat.ETag);
            }
            else
            {
                row["Count"] = Math.Max(0, delta.Count);
                row["Total"] = delta.Total;
                yield return new TableTransactionAction(TableTransactionActionType.Add, row);
            }
        }
    }
}
