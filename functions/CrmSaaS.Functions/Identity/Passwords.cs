using Microsoft.AspNetCore.Identity;

namespace CrmSaaS.Functions.Identity;

/// <summary>
/// The password rule shown to the user (the portal shows the same checklist) and hashing with ASP.NET Core's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned: old hashes are upgraded at the next login).
/// </summary>
public static class Passwords
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    public const string RuleMessage = "A senha precisa ter pelo menos 10 caracteres, com letras e números.";

    // The default hasher ignores the user argument; one instance is thread-safe.
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object NoUser = new();

    // Verified when the e-mail is unknown, so a login for an unknown e-mail costs as much as one with a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(NoUser, "senha-de-referencia-0"));

    /// <summary>Null when the password is acceptable, otherwise the pt-BR message listing the rules.</summary>
    public static string? Validate(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "Informe uma senha. " + RuleMessage;
        }

        if (password.Length > MaxLength)
        {
            return $"A senha pode ter no máximo {MaxLength} caracteres.";
        }

        var strong = password.Length >= MinLength && password.Any(char.IsLetter) && password.Any(char.IsAsciiDigit);
        return strong ? null : RuleMessage;
    }

    public static string Hash(string password) => Hasher.HashPassword(NoUser, password);

    public static PasswordCheck Verify(string? hash, string? password)
    {
        if (string.IsNullOrEmpty(hash) || string.IsNullOrEmpty(password) || password.Length > MaxLength)
        {
            Hasher.VerifyHashedPassword(NoUser, DummyHash.Value, password ?? "");
            return PasswordCheck.Wrong;
        }

        return Hasher.VerifyHashedPassword(NoUser, hash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Right,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.RightButRehash,
            _ => PasswordCheck.Wrong,
        };
    }

    /// <summary>Spends the time of one verification without an account (see <see cref="DummyHash"/>).</summary>
    public static void VerifyNothing(string? password) => Verify(null, password);
}

public enum PasswordCheck
{
    Wrong,
    Right,
    RightButRehash,
}
