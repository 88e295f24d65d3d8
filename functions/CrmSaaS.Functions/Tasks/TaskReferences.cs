using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Tasks;

/// <summary>
/// The task feature's reads of rows owned by other features (staff users of Identity), by the shapes in
/// docs/data-model.md. Kept in this one file so it can be swapped for the owning feature's store.
/// </summary>
public sealed class TaskReferences(TenantTable table)
{
    /// <summary>A staff user who may receive tasks (not disabled); the caller always may.</summary>
    public async Task<(string Id, string Name)?> FindAssignableUserAsync(string userId, CancellationToken ct)
    {
        var context = table.Context;
        if (context.IsStaff && context.UserId == userId)
        {
            return (userId, context.Actor);
        }

        if (!Ids.IsWellFormed(userId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("user", userId), ["Id", "Name", "Status"], ct);
        return row is null || row.GetString("Status") == "disabled" ? null : (userId, row.GetString("Name") ?? userId);
    }
}
