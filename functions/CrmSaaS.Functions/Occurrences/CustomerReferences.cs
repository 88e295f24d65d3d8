using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Occurrences;

/// <summary>
/// The occurrence feature's reads of rows owned by the customers feature (<c>customer|id</c>,
/// <c>customer-contact|customer|contact</c>), by the shapes in docs/data-model.md. Kept in this one file so it can be
/// swapped for the customer store.
/// </summary>
public sealed class CustomerReferences(TenantTable table)
{
    public async Task<CustomerRef?> FindCustomerAsync(string customerId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(customerId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("customer", customerId), ["Id", "LegalName", "TradeName", "TaxId"], ct);
        if (row is null)
        {
            return null;
        }

        var legal = row.GetString("LegalName") ?? "";
        var trade = row.GetString("TradeName");
        return new CustomerRef(customerId, legal, string.IsNullOrWhiteSpace(trade) ? legal : trade, row.GetString("TaxId"));
    }

    public async Task<CustomerContactRef?> FindContactAsync(string customerId, string contactId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(contactId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("customer-contact", customerId, contactId), ["Id", "Name"], ct);
        return row is null ? null : new CustomerContactRef(contactId, row.GetString("Name") ?? "");
    }
}

public sealed record CustomerRef(string Id, string LegalName, string DisplayName, string? TaxId);

public sealed record CustomerContactRef(string Id, string Name);
