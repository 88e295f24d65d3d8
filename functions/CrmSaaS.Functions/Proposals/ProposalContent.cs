using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrmSaaS.Functions.Documents;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Proposals;

/// <summary>
/// What the printed proposal shows, taken from the order, the tenant (company header: the sign-up data in the
/// <c>tenant</c> row, with address and contact from <c>settings|proposal</c>) and the customer row. No I/O.
/// </summary>
public static class ProposalContent
{
    /// <summary>Validity printed when the order has none (oGestor's default proposal validity).</summary>
    public const int DefaultValidityDays = 15;

    /// <summary>
    /// SHA-256 of the commercial content of the order (what the customer approves): items with notes, amounts,
    /// installments, validity, customer, and the proposal revision. Equal fingerprints mean the same proposal, so a
    /// redelivered or repeated render makes no new version, and an approval can prove which version it saw.
    /// </summary>
    public static string Fingerprint(SalesOrder order)
    {
        var content = new
        {
            order.Id,
            order.Number,
            order.ProposalRevision,
            order.CustomerId,
            order.CustomerName,
            order.CustomerTaxId,
            Date = SalesOrder.FormatDate(order.Date),
            ValidUntil = order.ValidUntil is { } valid ? SalesOrder.FormatDate(valid) : "",
            order.SalespersonName,
            order.PaymentTerms,
            order.PaymentMethod,
            order.Notes,
            Installments = order.Installments.Select(i => new { i.Number, DueDate = SalesOrder.FormatDate(i.DueDate), i.Amount }),
            Items = order.Items.Select(i => new { i.Id, i.Code, i.Description, i.Quantity, i.UnitPrice, i.DiscountAmount, i.Total, i.Note }),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(content))));
    }

    public static ProposalDocument Build(SalesOrder order, int version, TableEntity? tenant, TableEntity? settings, TableEntity? customer)
    {
        var totals = order.Totals;
        var company = new ProposalCompany(
            tenant?.GetString("LegalName") ?? "",
            tenant?.GetString("TradeName") is { Length: > 0 } trade ? trade : tenant?.GetString("LegalName") ?? "",
            tenant?.GetString("TaxId") ?? "",
            settings?.GetString("Address") ?? "",
            Join(" · ", settings?.GetString("Phone"), settings?.GetString("Email"), settings?.GetString("Website")));
        var validityDays = settings?.GetInt32("ValidityDays") is { } days and > 0 ? days : DefaultValidityDays;
        return new ProposalDocument
        {
            Company = company,
            Number = checked((int)order.Number),
            Version = version,
            IssueDate = order.Date,
            ValidUntil = order.ValidUntil ?? order.Date.AddDays(validityDays),
            Customer = new ProposalCustomer(order.CustomerName, order.CustomerTaxId, CustomerAddress(customer),
                Join(" · ", customer?.GetString("Email"), customer?.GetString("Phone"))),
            Salesperson = order.SalespersonName,
            Items = order.Items.Select(i => new ProposalItem(i.Code, i.Description, i.Quantity, i.UnitPrice, i.DiscountAmount, i.Total,
                string.IsNullOrWhiteSpace(i.Note) ? null : i.Note)).ToList(),
            PaymentMethod = string.IsNullOrWhiteSpace(order.PaymentMethod) ? null : order.PaymentMethod,
            Installments = order.Installments.Select(i => new ProposalInstallment(i.Number, i.DueDate, i.Amount)).ToList(),
            Totals = new ProposalTotals(totals.Gross, totals.Discount, totals.Total),
            Notes = string.IsNullOrWhiteSpace(order.Notes) ? null : order.Notes,
            // The order's last change, not "now": the same order version renders the same bytes.
            GeneratedAt = order.UpdatedAt == default ? order.CreatedAt : order.UpdatedAt,
        };
    }

    private static string CustomerAddress(TableEntity? customer)
    {
        if (customer is null)
        {
            return "";
        }

        var street = Join(", ", customer.GetString("Street"), customer.GetString("Number"), customer.GetString("Complement"));
        var city = Join(" / ", customer.GetString("City"), customer.GetString("State"));
        return Join(" – ", street, customer.GetString("District"), city, customer.GetString("PostalCode") is { Length: > 0 } cep ? "CEP " + cep : null);
    }

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
