using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Identity;

/// <summary>
/// Consecutive failed logins of one account (staff login row or customer-login row): five in a row lock it for
/// fifteen minutes; a correct password clears the count. Kept on the account's own row, updated under its ETag.
/// </summary>
public readonly record struct LockoutState(int Failures, DateTimeOffset? LockedUntil)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>The state after a wrong password; the fifth failure in a row starts a lock and restarts the count.</summary>
    public LockoutState AfterFailure(DateTimeOffset now)
    {
        var failures = (LockedUntil is { } until && until <= now ? 0 : Failures) + 1;
        return failures >= MaxFailures ? new LockoutState(0, now + Duration) : new LockoutState(failures, null);
    }

    public bool IsClear => Failures == 0 && LockedUntil is null;

    public static LockoutState Of(TableEntity row) =>
        new(row.GetInt32("FailedCount") ?? 0, row.GetDateTimeOffset("LockedUntil"));

    public void WriteTo(TableEntity row)
    {
        row["FailedCount"] = Failures;
        if (LockedUntil is { } until)
        {
            row["LockedUntil"] = until;
        }
        else
        {
            row.Remove("LockedUntil");
        }
    }

    /// <summary>Minutes left, rounded up, for the message shown to the user.</summary>
    public int MinutesLeft(DateTimeOffset now) =>
        LockedUntil is { } until ? Math.Max(1, (int)Math.Ceiling((until - now).TotalMinutes)) : 0;
}
