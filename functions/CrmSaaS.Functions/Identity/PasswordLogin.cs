using Azure;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Identity;

/// <summary>
/// Password check with lockout on an account row (a staff login claim in the directory, or a customer-login row in
/// the tenant partition). The failure count is written back under the row's ETag, so parallel guesses cannot
/// slip past the limit by overwriting each other's count.
/// </summary>
public static class PasswordLogin
{
    private const int MaxAttempts = 5;

    /// <summary>The account row after a correct password; throws wrong-credentials or locked-out otherwise.</summary>
    public static async Task<TableEntity> VerifyAsync(
        TableEntity account,
        string? password,
        TimeProvider clock,
        Func<TableEntity, Task> save,
        Func<Task<TableEntity?>> reload)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var state = LockoutState.Of(account);
            if (state.IsLocked(now))
            {
                throw IdentityErrors.Locked(state.MinutesLeft(now));
            }

            var check = Passwords.Verify(account.GetString("PasswordHash"), password);
            var next = check == PasswordCheck.Wrong ? state.AfterFailure(now) : default;
            if (check == PasswordCheck.Right && state.IsClear)
            {
                return account;
            }

            next.WriteTo(account);
            if (check == PasswordCheck.RightButRehash)
            {
                account["PasswordHash"] = Passwords.Hash(password!);
            }

            try
            {
                await save(account);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                account = await reload() ?? throw IdentityErrors.WrongCredentials();
                continue;
            }

            if (check != PasswordCheck.Wrong)
            {
                return account;
            }

            throw next.IsLocked(now) ? IdentityErrors.Locked(next.MinutesLeft(now)) : IdentityErrors.WrongCredentials();
        }

        throw IdentityErrors.WrongCredentials();
    }
}
