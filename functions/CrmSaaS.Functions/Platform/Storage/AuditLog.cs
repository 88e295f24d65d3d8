using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Platform;

/// <summary>
/// Append-only audit rows (<c>audit|kind|id|auditId</c>): who changed what, when, from where. Returned as a
/// transaction action so the audit row commits with the change it records.
/// </summary>
public sealed class AuditLog(TenantTable table, TimeProvider clock)
{
    public TableTransactionAction Entry(string entityKind, string entityId, string action, string? details = null)
    {
        var context = table.Context;
        var now = clock.GetUtcNow();
        var row = table.NewEntity(KeyRange.Key("audit", entityKind, entityId, Ids.New(now)));
        row["Action"] = action;
        row["Details"] = details ?? "";
        row["At"] = now;
        row["ActorId"] = context.UserId ?? "";
        row["ActorName"] = context.Actor;
        row["ActorKind"] = context.Kind.ToString();
        row["IpAddress"] = context.IpAddress ?? "";
        row["UserAgent"] = Truncate(context.UserAgent, 512);
        return new TableTransactionAction(TableTransactionActionType.Add, row);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string entityKind, string entityId, CancellationToken ct = default)
    {
        var entries = new List<AuditEntry>();
        await foreach (var row in table.QueryPrefixAsync(KeyRange.Key("audit", entityKind, entityId) + "|", ct: ct))
        {
            entries.Add(new AuditEntry(
                row.GetString("Action") ?? "",
                row.GetString("Details") ?? "",
                row.GetDateTimeOffset("At") ?? default,
                row.GetString("ActorName") ?? "",
                row.GetString("ActorKind") ?? "",
                row.GetString("IpAddress") ?? ""));
        }

        return entries;
    }

    private static string Truncate(string? value, int max) =>
        value is null ? "" : value.Length <= max ? value : value[..max];
}

public sealed record AuditEntry(string Action, string Details, DateTimeOffset At, string ActorName, string ActorKind, string IpAddress);
