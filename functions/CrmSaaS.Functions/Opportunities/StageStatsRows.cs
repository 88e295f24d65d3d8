using Azure;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Opportunities;

/// <summary>Count and ticket total of the open opportunities of one stage: the sum of its shard rows.</summary>
public sealed record StageStat(int Count, decimal Total, IReadOnlyDictionary<int, StageStatShard> Shards);

/// <summary>One statistics row, <c>opp-stage-stats|&lt;stageId&gt;|&lt;shard&gt;</c>, with the ETag its next update must match.</summary>
public sealed record StageStatShard(int Count, decimal Total, ETag ETag);

/// <summary>
/// Per-stage statistics rows, kept up to date inside the same batches that move opportunities in and out of a stage, so the
/// kanban shows each column's count and total without scanning its cards. The rows of all stages are read with one scan.
/// </summary>
/// <remarks>
/// Each stage's figures are split over <see cref="ShardCount"/> rows and an opportunity always counts in the shard its id
/// hashes to. With one row per stage every concurrent write into a stage raced on that row (the benchmark lost 24 of 200
/// concurrent creations at concurrency 16 after all retries); with shards only writes of opportunities in the same shard
/// race. Because an opportunity's entry and exit hit the same shard, no shard goes negative.
/// </remarks>
public static class StageStatsRows
{
    public const string Prefix = "opp-stage-stats|";

    /// <summary>Eight shards keep the rows of the largest pipeline (20 stages) to 160, still one scan page.</summary>
    public const int ShardCount = 8;

    public static string Key(string stageId, int shard) =>
        KeyRange.Key("opp-stage-stats", stageId, shard.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The shard an opportunity counts in: a hash that is the same in every process (unlike string.GetHashCode).</summary>
    public static int ShardOf(string opportunityId)
    {
        var hash = 2166136261u;
        foreach (var c in opportunityId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % ShardCount);
    }

    public static async Task<Dictionary<string, StageStat>> ReadAllAsync(TenantTable table, CancellationToken ct)
    {
        var shards = new Dictionary<string, Dictionary<int, StageStatShard>>(StringComparer.Ordinal);
        await foreach (var row in table.QueryPrefixAsync(Prefix, ct: ct))
        {
            var suffix = row.RowKey[Prefix.Length..];
            var separator = suffix.LastIndexOf('|');
            if (separator <= 0 || !int.TryParse(suffix[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var shard))
            {
                continue;
            }

            var stageId = suffix[..separator];
            if (!shards.TryGetValue(stageId, out var ofStage))
            {
                shards[stageId] = ofStage = [];
            }

            ofStage[shard] = new StageStatShard(row.GetInt32("Count") ?? 0, row.GetDecimal("Total") ?? 0m, row.ETag);
        }

        return shards.ToDictionary(
            s => s.Key,
            s => new StageStat(s.Value.Values.Sum(v => v.Count), s.Value.Values.Sum(v => v.Total), s.Value),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The batch actions that apply <paramref name="deltas"/> of opportunity <paramref name="opportunityId"/> to its shard
    /// of each stage: an update under the row's ETag, or an insert for a shard not written before.
    /// </summary>
    public static IEnumerable<TableTransactionAction> Actions(
        TenantTable table, string opportunityId, IReadOnlyDictionary<string, StageDelta> deltas, IReadOnlyDictionary<string, StageStat> current)
    {
        var shard = ShardOf(opportunityId);
        foreach (var (stageId, delta) in deltas)
        {
            var row = table.NewEntity(Key(stageId, shard));
            if (current.TryGetValue(stageId, out var stat) && stat.Shards.TryGetValue(shard, out var existing))
            {
                row["Count"] = Math.Max(0, existing.Count + delta.Count);
                row["Total"] = existing.Total + delta.Total;
                yield return new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, existing.ETag);
            }
            else
            {
                row["Count"] = Math.Max(0, delta.Count);
                row["Total"] = delta.Total;
                yield return new TableTransactionAction(TableTransactionActionType.Add, row);
            }
        }
    }

    /// <summary>
    /// Deletes of a removed stage's rows, each under its ETag, so the batch fails if an opportunity entered the stage
    /// after <paramref name="stat"/> was read.
    /// </summary>
    public static IEnumerable<TableTransactionAction> DeleteActions(TenantTable table, string stageId, StageStat stat) =>
        stat.Shards.Select(s => new TableTransactionAction(TableTransactionActionType.Delete, table.NewEntity(Key(stageId, s.Key)), s.Value.ETag));
}
