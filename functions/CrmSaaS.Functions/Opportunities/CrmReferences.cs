using System.Text.Json;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Opportunities;

/// <summary>
/// The opportunity feature's reads of rows owned by other features (accounts and contacts, catalogue, solutions, staff
/// users, generated documents), by the shapes in docs/data-model.md. Kept in this one file so it can be swapped for the
/// owning features' stores.
/// </summary>
public sealed class CrmReferences(TenantTable table)
{
    public async Task<AccountRef?> FindAccountAsync(string accountId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(accountId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("account", accountId), ["Id", "Name", "CustomerId"], ct);
        return row is null ? null : new AccountRef(accountId, row.GetString("Name") ?? "", NullIfEmpty(row.GetString("CustomerId")));
    }

    public async Task<ContactRef?> FindAccountContactAsync(string accountId, string contactId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(accountId) || !Ids.IsWellFormed(contactId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("contact", accountId, contactId), ["Id", "Name"], ct);
        return row is null ? null : new ContactRef(contactId, row.GetString("Name") ?? "");
    }

    /// <summary>A staff user who may own an opportunity (not disabled); the caller is always one.</summary>
    public async Task<OwnerRef?> FindAssignableUserAsync(string userId, CancellationToken ct)
    {
        var context = table.Context;
        if (context.IsStaff && context.UserId == userId)
        {
            return new OwnerRef(userId, context.Actor);
        }

        if (!Ids.IsWellFormed(userId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("user", userId), ["Id", "Name", "Status"], ct);
        return row is null || row.GetString("Status") == "disabled" ? null : new OwnerRef(userId, row.GetString("Name") ?? userId);
    }

    public async Task<SolutionRef?> FindSolutionAsync(string solutionId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(solutionId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("solution", solutionId), ["Id", "Name", "LinesJson"], ct);
        if (row is null)
        {
            return null;
        }

        var lines = JsonSerializer.Deserialize<List<SolutionLine>>(row.GetString("LinesJson") ?? "[]", JsonDefaults.Options) ?? [];
        return new SolutionRef(solutionId, row.GetString("Name") ?? "", lines);
    }

    public async Task<CatalogueItemRef?> FindServiceAsync(string serviceId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(serviceId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("service", serviceId), ["Id", "Description", "UnitPrice", "CategoryId", "CategoryName", "Active"], ct);
        return row is null
            ? null
            : new CatalogueItemRef(serviceId, TicketLineKind.Service, row.GetString("Description") ?? "", row.GetDecimal("UnitPrice") ?? 0m,
                NullIfEmpty(row.GetString("CategoryId")), NullIfEmpty(row.GetString("CategoryName")), row.GetBoolean("Active") ?? true);
    }

    public async Task<CatalogueItemRef?> FindProductAsync(string productId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(productId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("product", productId), ["Id", "Description", "Price", "Active"], ct);
        return row is null
            ? null
            : new CatalogueItemRef(productId, TicketLineKind.Product, row.GetString("Description") ?? "", row.GetDecimal("Price") ?? 0m,
                null, null, row.GetBoolean("Active") ?? true);
    }

    public async Task<CategoryRef?> FindCategoryAsync(string categoryId, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(categoryId))
        {
            return null;
        }

        var row = await table.GetAsync(KeyRange.Key("category", categoryId), ["Id", "Name"], ct);
        return row is null ? null : new CategoryRef(categoryId, row.GetString("Name") ?? "");
    }

    /// <summary>True when the opportunity generated a document (index rows <c>doc-opp|&lt;oppId&gt;|…</c> of the sales feature).</summary>
    public async Task<bool> HasGeneratedDocumentsAsync(string opportunityId, CancellationToken ct)
    {
        var page = await table.ScanPageAsync(KeyRange.Key("doc-opp", opportunityId) + "|", 1, null, select: ["RowKey"], ct: ct);
        return page.Items.Count > 0;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

public sealed record AccountRef(string Id, string Name, string? CustomerId);

public sealed record ContactRef(string Id, string Name);

public sealed record OwnerRef(string Id, string Name);

public sealed record SolutionRef(string Id, string Name, IReadOnlyList<SolutionLine> Lines);
