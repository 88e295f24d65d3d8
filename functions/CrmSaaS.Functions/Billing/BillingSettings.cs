using System.Globalization;
using Azure;
using CrmSaaS.Functions.Billing.Nfse;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Billing;

/// <summary>
/// The tenant's fiscal data for NFS-e (row <c>settings|billing</c>): who issues (CNPJ/CPF, IBGE municipality, Simples
/// Nacional), the DPS series and environment, and whether stock may go negative. The ICP-Brasil certificate is not
/// here: see docs/billing.md.
/// </summary>
public sealed record BillingSettings
{
    public const string RowKey = "settings|billing";

    public string IssuerTaxId { get; init; } = "";
    public string MunicipalityCode { get; init; } = "";
    public SimplesNacionalStatus SimplesNacional { get; init; } = SimplesNacionalStatus.MicroOrSmallCompany;
    public string MunicipalRegistration { get; init; } = "";
    public string Series { get; init; } = "1";
    public DpsEnvironment Environment { get; init; } = DpsEnvironment.Homologation;

    /// <summary>oGestor: stock is deducted when an order becomes Pedido; some tenants sell before the goods arrive.</summary>
    public bool AllowNegativeStock { get; init; }

    public ETag ETag { get; init; }

    public bool IssuerConfigured => IssuerTaxId.Length > 0 && MunicipalityCode.Length > 0;

    public static BillingSettings FromEntity(TableEntity? row) => row is null ? new BillingSettings() : new BillingSettings
    {
        IssuerTaxId = row.GetString("IssuerTaxId") ?? "",
        MunicipalityCode = row.GetString("MunicipalityCode") ?? "",
        SimplesNacional = Enum.TryParse<SimplesNacionalStatus>(row.GetString("SimplesNacional"), out var simples) ? simples : SimplesNacionalStatus.MicroOrSmallCompany,
        MunicipalRegistration = row.GetString("MunicipalRegistration") ?? "",
        Series = row.GetString("Series") ?? "1",
        Environment = Enum.TryParse<DpsEnvironment>(row.GetString("Environment"), out var environment) ? environment : DpsEnvironment.Homologation,
        AllowNegativeStock = row.GetBoolean("AllowNegativeStock") ?? false,
        ETag = row.ETag,
    };

    public void WriteTo(TableEntity row)
    {
        row["IssuerTaxId"] = IssuerTaxId;
        row["MunicipalityCode"] = MunicipalityCode;
        row["SimplesNacional"] = SimplesNacional.ToString();
        row["MunicipalRegistration"] = MunicipalRegistration;
        row["Series"] = Series;
        row["Environment"] = Environment.ToString();
        row["AllowNegativeStock"] = AllowNegativeStock;
    }
}

public sealed record BillingSettingsRequest(
    string? IssuerTaxId,
    string? MunicipalityCode,
    SimplesNacionalStatus? SimplesNacional,
    string? MunicipalRegistration,
    string? Series,
    DpsEnvironment? Environment,
    bool? AllowNegativeStock);

public sealed class BillingSettingsStore(TenantTable table, AuditLog audit, TimeProvider clock)
{
    public async Task<BillingSettings> GetAsync(CancellationToken ct) =>
        BillingSettings.FromEntity(await table.GetAsync(BillingSettings.RowKey, ct));

    /// <summary>Saves the settings; <paramref name="ifMatch"/> is the ETag read, or <c>*</c> for the first save.</summary>
    public async Task<BillingSettings> SaveAsync(BillingSettingsRequest request, ETag ifMatch, CancellationToken ct)
    {
        var validation = new Validation();
        var taxIdText = request.IssuerTaxId?.Trim() ?? "";
        var taxId = default(TaxId);
        if (taxIdText.Length > 0 && !TaxId.TryParse(taxIdText, out taxId))
        {
            validation.Add("issuerTaxId", TaxId.Validate(taxIdText) ?? "CPF ou CNPJ inválido.");
        }

        var municipality = request.MunicipalityCode?.Trim() ?? "";
        validation.Check(municipality.Length == 0 || (municipality.Length == 7 && municipality.All(char.IsAsciiDigit)),
            "municipalityCode", "O código IBGE do município deve ter 7 dígitos.");
        var series = string.IsNullOrWhiteSpace(request.Series) ? "1" : request.Series.Trim();
        validation.Check(series.Length is >= 1 and <= 5 && series.All(char.IsAsciiDigit) && series.Any(c => c != '0'),
            "series", "A série da DPS deve ter de 1 a 5 dígitos e não pode ser zero.");
        validation.Check(request.SimplesNacional is null || Enum.IsDefined(request.SimplesNacional.Value), "simplesNacional", "Situação no Simples Nacional inválida.");
        validation.Check(request.Environment is null || Enum.IsDefined(request.Environment.Value), "environment", "Ambiente inválido: use Production ou Homologation.");
        validation.MaxLength(request.MunicipalRegistration?.Trim(), 15, "municipalRegistration", "A inscrição municipal");
        validation.ThrowIfInvalid();

        var settings = new BillingSettings
        {
            IssuerTaxId = taxIdText.Length > 0 ? taxId.Value : "",
            MunicipalityCode = municipality,
            SimplesNacional = request.SimplesNacional ?? SimplesNacionalStatus.MicroOrSmallCompany,
            MunicipalRegistration = request.MunicipalRegistration?.Trim() ?? "",
            Series = series,
            Environment = request.Environment ?? DpsEnvironment.Homologation,
            AllowNegativeStock = request.AllowNegativeStock ?? false,
        };
        var row = table.NewEntity(BillingSettings.RowKey);
        settings.WriteTo(row);
        row.StampUpdated(table.Context, clock.GetUtcNow());
        var existing = await table.GetAsync(BillingSettings.RowKey, ["IssuerTaxId"], ct);
        var write = existing is null
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, ifMatch);
        var details = string.Create(CultureInfo.InvariantCulture, $"Emitente {settings.IssuerTaxId}, município {settings.MunicipalityCode}, estoque negativo {(settings.AllowNegativeStock ? "permitido" : "proibido")}");
        var etags = await table.SubmitAsync([write, audit.Entry("settings", "billing", "updated", details)], ct);
        return settings with { ETag = etags[0] };
    }
}
