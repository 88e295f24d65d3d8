using System.Globalization;
using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Billing.Nfse;

/// <summary>The Id attribute of infDPS, which the national system uses to recognise a resent DPS.</summary>
public static class DpsId
{
    public const int Length = 45;

    /// <summary>
    /// "DPS" + municipality IBGE code (7) + inscription type (1 = CPF, 2 = CNPJ) + CPF/CNPJ left-padded with zeros
    /// to 14 + series left-padded to 5 + number left-padded to 15 (source: <see cref="DpsLayout"/>).
    /// </summary>
    public static string Build(string municipalityCode, TaxId issuer, string series, long number) =>
        string.Concat(
            "DPS",
            municipalityCode,
            issuer.Kind == TaxIdKind.Cpf ? "1" : "2",
            issuer.Value.PadLeft(14, '0'),
            series.PadLeft(5, '0'),
            number.ToString("D15", CultureInfo.InvariantCulture));
}
