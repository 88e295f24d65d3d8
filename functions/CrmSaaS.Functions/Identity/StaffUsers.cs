using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Identity;

/// <summary>Stored status of a staff user (<c>user|&lt;id&gt;</c> row, property <c>Status</c>).</summary>
public static class UserStatus
{
    /// <summary>Invited, has not set a password yet.</summary>
    public const string Invited = "invited";
    public const string Active = "active";
    public const string Disabled = "disabled";

    /// <summary>Shown (never stored) for an active user whose e-mail is not confirmed yet.</summary>
    public const string Pending = "pending";
}

public sealed record UserSummary(string Id, string Name, string Email, string Role, string Status);

/// <summary>The <c>user|&lt;id&gt;</c> rows of a tenant's staff, and the shapes they are shown in.</summary>
public static class StaffUsers
{
    public static string Key(string userId) => KeyRange.Key("user", userId);

    public static string Role(TableEntity user) => user.GetString("Role") ?? Roles.Sales;

    public static string Status(TableEntity user) => user.GetString("Status") ?? UserStatus.Active;

    public static bool IsActiveAdmin(TableEntity user) =>
        Role(user) == Roles.Admin && Status(user) == UserStatus.Active;

    public static UserSummary Summary(TableEntity user)
    {
        var status = Status(user);
        if (status == UserStatus.Active && user.GetBoolean("EmailConfirmed") != true)
        {
            status = UserStatus.Pending;
        }

        return new UserSummary(user.GetString("Id") ?? "", user.GetString("Name") ?? "", user.GetString("Email") ?? "", Role(user), status);
    }

    public static TableEntity NewRow(TenantTable table, string userId, string name, string email, string role, string status, DateTimeOffset now)
    {
        var row = table.NewEntity(Key(userId));
        row["Id"] = userId;
        row["Name"] = name;
        row["Email"] = email;
        row["Role"] = role;
        row["Status"] = status;
        row["Activated"] = status == UserStatus.Active;
        row["EmailConfirmed"] = false;
        row["SessionStamp"] = Ids.New();
        row["SearchText"] = SearchText.Of(name, email);
        return row.StampCreated(table.Context, now);
    }

    /// <summary>
    /// Read-change-write of a user row under its ETag, with its audit row in the same transaction; retried when a
    /// concurrent change got there first. <paramref name="change"/> returns the audit details, or null for "nothing to change".
    /// </summary>
    public static async Task<TableEntity> ChangeAsync(
        TenantTable table, AuditLog audit, TimeProvider clock, string userId, string action, Func<TableEntity, string?> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var user = await table.GetAsync(Key(userId), ct) ?? throw AppException.NotFound("Usuário não encontrado.");
            var details = change(user);
            if (details is null)
            {
                return user;
            }

            user.StampUpdated(table.Context, clock.GetUtcNow());
            try
            {
                await table.SubmitAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, user, user.ETag),
                    audit.Entry("user", userId, action, details),
                ], ct);
                return user;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412 && attempt < 3)
            {
                // Someone else changed the user meanwhile: apply the change again to the fresh row.
            }
        }
    }
}
