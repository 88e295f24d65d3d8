using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Settings;

/// <summary>
/// The settings feature's reads of rows owned by other features (staff users of Identity), by the shapes in
/// docs/data-model.md. Kept in this one file so it can be swapped for the owning feature's store.
/// </summary>
public sealed class SettingsReferences(TenantTable table)
{
    /// <summary>A staff user who may own opportunities or receive tasks (not disabled); null when there is none.</summary>
    public async Task<StaffUserRef?> FindAssignableUserAsync(string userId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(userId))
        {
            return null;
        }

        var context = table.Context;
        if (context.UserId == userId && context.IsStaff)
        {
            return new StaffUserRef(userId, context.Actor);
        }

        var row = await table.GetAsync(KeyRange.Key("user", userId), ["Id", "Name", "Status"], ct);
        return row is null || row.GetString("Status") == "disabled"
            ? null
            : new StaffUserRef(userId, row.GetString("Name") ?? userId);
    }
}

public sealed record StaffUserRef(string Id, string Name);
