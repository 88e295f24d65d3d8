using System.Net.Mail;

namespace CrmSaaS.Functions.Identity;

/// <summary>
/// Login e-mails are keys (<c>login|&lt;email&gt;</c>, <c>customer-login|&lt;email&gt;</c>): compared lower-case, and
/// refused when they hold characters a table key or our key layout cannot carry.
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;
    public const string InvalidMessage = "Informe um e-mail válido, por exemplo nome@empresa.com.br.";

    /// <summary>The lower-case address, or null when it is not a usable e-mail.</summary>
    public static string? Normalize(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var value = email.Trim().ToLowerInvariant();
        if (value.Length > MaxLength || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '|' or '/' or '\\' or '#' or '?' or '"'))
        {
            return null;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1)
        {
            return null;
        }

        var domain = value[(at + 1)..];
        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        return MailAddress.TryCreate(value, out var parsed) && parsed.Address == value ? value : null;
    }
}
