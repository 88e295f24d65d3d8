using System.Text;

namespace CrmSaaS.Functions.Inventory;

/// <summary>
/// Serial numbers as people type them ("ab 123-x ") and as we compare them ("AB123-X"): trimmed, upper case, with
/// inner spaces removed, so one physical item cannot be registered twice under two spellings.
/// </summary>
public static class SerialNumbers
{
    public const int MaxLength = 100;

    // Azure refuses / \ # ? in keys and KeyRange refuses '|'; '%' is the escape character itself.
    private const string EscapedInKeys = "/\\#?|%";

    public static string Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return "";
        }

        var builder = new StringBuilder(typed.Length);
        foreach (var c in typed)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Why a normalised serial number cannot be stored, in pt-BR; null when it can.</summary>
    public static string? Problem(string normalized)
    {
        if (normalized.Length == 0)
        {
            return "Informe o número de série.";
        }

        if (normalized.Length > MaxLength)
        {
            return $"O número de série deve ter no máximo {MaxLength} caracteres.";
        }

        return normalized.Any(char.IsControl) ? "O número de série contém caracteres inválidos." : null;
    }

    /// <summary>
    /// The serial as a row-key part. Characters a key cannot hold are written as %XX (UTF-8), one character at a
    /// time, so the key of a prefix is a prefix of the key: a serial-prefix search stays one range scan.
    /// </summary>
    public static string KeyPart(string normalized)
    {
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (EscapedInKeys.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
