using System.Globalization;
using CrmSaaS.Functions.Billing.Nfse;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;

namespace CrmSaaS.Functions.Billing;

/// <summary>
/// The DPS (national NFS-e layout 1.00) of an invoice's service lines. One DPS carries one service code and one ISS
/// rate, so an invoice mixing services taxed differently is refused with the advice to bill them separately.
/// </summary>
public static class InvoiceDps
{
    public static DpsDocument Build(Invoice invoice, BillingSettings settings, Customer customer)
    {
        var services = invoice.Lines.Where(l => l.Kind == ItemKind.Service).ToList();
        var validation = new Validation();
        if (!settings.IssuerConfigured || !TaxId.TryParse(settings.IssuerTaxId, out var issuerTaxId))
        {
            throw AppException.InvalidState(
                "Configure os dados fiscais da empresa (CNPJ emitente e código IBGE do município) em Faturamento › Configurações antes de emitir notas de serviço.");
        }

        foreach (var line in services.Where(l => l.NationalTaxCode.Length != 6 || !l.NationalTaxCode.All(char.IsAsciiDigit)))
        {
            validation.Add("items", $"O serviço \"{line.Description}\" não tem o código de tributação nacional (cTribNac, 6 dígitos) no catálogo.");
        }

        if (services.Select(l => (l.NationalTaxCode, l.IssRate)).Distinct().Count() > 1)
        {
            validation.Add("items", "Os serviços desta nota têm códigos de tributação ou alíquotas de ISS diferentes: fature-os em notas separadas.");
        }

        if (!TaxId.TryParse(customer.TaxId, out var takerTaxId))
        {
            validation.Add("customerId", $"O CPF/CNPJ do cliente {customer.LegalName} é inválido.");
        }

        validation.ThrowIfInvalid();

        var description = string.Join("\n", services.Select(l =>
            $"{BrazilFormat.Quantity(l.Quantity)} x {l.Description} ({Money.Format(l.Total)})"));
        description = string.Create(CultureInfo.InvariantCulture, $"Pedido nº {invoice.OrderNumber}\n{description}");
        if (description.Length > DpsLayout.MaxDescriptionLength)
        {
            description = description[..DpsLayout.MaxDescriptionLength];
        }

        var dps = new DpsDocument(
            Environment: settings.Environment,
            IssuedAt: invoice.IssuedAt,
            Series: settings.Series,
            Number: invoice.Number,
            CompetenceDate: invoice.IssueDate,
            Issuer: new DpsIssuer(issuerTaxId, settings.MunicipalityCode, settings.SimplesNacional, NullIfEmpty(settings.MunicipalRegistration)),
            Taker: new DpsTaker(takerTaxId, customer.LegalName, TakerAddress(customer), Email: Email(customer.Email)),
            Service: new DpsService(services[0].NationalTaxCode, description, settings.MunicipalityCode),
            Values: new DpsValues(services.Sum(l => l.Gross), services.Sum(l => l.Discount)),
            Iss: new DpsIss(services[0].IssRate, invoice.IssWithheld));
        var errors = dps.Validate();
        if (errors.Count > 0)
        {
            throw AppException.Validation(new Dictionary<string, string[]> { ["dps"] = errors.ToArray() });
        }

        return dps;
    }

    private static DpsAddress? TakerAddress(Customer customer) =>
        customer is { CityIbgeCode.Length: 7, PostalCode: { Length: > 0 } cep, Street: { Length: > 0 } street, Number: { Length: > 0 } number, District: { Length: > 0 } district }
            ? new DpsAddress(customer.CityIbgeCode, cep, street, number, district, NullIfEmpty(customer.Complement))
            : null;

    private static string? Email(string? email) => email is { Length: > 0 and <= 80 } && email.All(c => c is >= ' ' and <= 'ÿ') ? email : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
