using System.Globalization;
using System.Text;

namespace CrmSaaS.Functions.Identity;

/// <summary>
/// The tenant's slug: the part of the customer-area address that names the company (<c>#/cliente/&lt;slug&gt;/entrar</c>),
/// made from the trade name so customers recognise it.
/// </summary>
public static class Slugs
{
    public const int MaxLength = 40;

    /// <summary>"Águia & Cia. Serviços" → "aguia-cia-servicos": lower-case ASCII letters and digits joined by dashes.</summary>
    public static string From(string? tradeName)
    {
        var decomposed = (tradeName ?? "").Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(lower);
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }

            if (builder.Length >= MaxLength)
            {
                break;
            }
        }

        var slug = builder.ToString().TrimEnd('-');
        return slug.Length == 0 ? "empresa" : slug;
    }

    /// <summary>The n-th candidate: the slug itself, then "-2", "-3"… (kept within <see cref="MaxLength"/>).</summary>
    public static string Candidate(string slug, int attempt)
    {
        if (attempt <= 1)
        {
            return slug;
        }

        var suffix = "-" + attempt.ToString(CultureInfo.InvariantCulture);
        var room = MaxLength - suffix.Length;
        return (slug.Length > room ? slug[..room].TrimEnd('-') : slug) + suffix;
    }
}
