using System.Globalization;
using System.Text.Json.Serialization;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Inventory;

/// <summary>
/// An inventory item (Citrus.cx "Item de Inventário"): row <c>inventory|&lt;id&gt;</c>. Its index rows
/// (serial, customer, site, contract, order) are full copies, so every list is answered from one range scan.
/// </summary>
public sealed record InventoryItem
{
    public required string Id { get; init; }

    /// <summary>Normalised: trimmed, upper case, no inner spaces; unique per tenant.</summary>
    public required string SerialNumber { get; init; }

    /// <summary>As the user typed it.</summary>
    public required string SerialNumberTyped { get; init; }

    public required string CustomerId { get; init; }
    public required string CustomerName { get; init; }
    public required string ContractId { get; init; }
    public long? ContractNumber { get; init; }
    public required string ContractTitle { get; init; }
    public required string SiteId { get; init; }
    public required string SiteName { get; init; }
    public required string TypeId { get; init; }
    public required string TypeName { get; init; }
    public string? Description { get; init; }
    public string? Notes { get; init; }
    public string? OrderId { get; init; }
    public long? OrderNumber { get; init; }
    public string? OrderItemId { get; init; }
    public string? ServiceOrderId { get; init; }
    public long? ServiceOrderNumber { get; init; }
    public DateOnly? WarrantyUntil { get; init; }
    public string Etag { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";

    /// <summary>Only on the single-item answer: every change, oldest first (site moves included).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<InventoryHistoryEntry>? History { get; init; }

    /// <summary>Reads the item row or any of its index rows (they carry the same properties).</summary>
    public static InventoryItem From(TableEntity row) => new()
    {
        Id = row.GetString("Id") ?? "",
        SerialNumber = row.GetString("SerialNumber") ?? "",
        SerialNumberTyped = row.GetString("SerialNumberTyped") ?? row.GetString("SerialNumber") ?? "",
        CustomerId = row.GetString("CustomerId") ?? "",
        CustomerName = row.GetString("CustomerName") ?? "",
        ContractId = row.GetString("ContractId") ?? "",
        ContractNumber = row.GetInt64("ContractNumber"),
        ContractTitle = row.GetString("ContractTitle") ?? "",
        SiteId = row.GetString("SiteId") ?? "",
        SiteName = row.GetString("SiteName") ?? "",
        TypeId = row.GetString("TypeId") ?? "",
        TypeName = row.GetString("TypeName") ?? "",
        Description = row.GetString("Description"),
        Notes = row.GetString("Notes"),
        OrderId = row.GetString("OrderId"),
        OrderNumber = row.GetInt64("OrderNumber"),
        OrderItemId = row.GetString("OrderItemId"),
        ServiceOrderId = row.GetString("ServiceOrderId"),
        ServiceOrderNumber = row.GetInt64("ServiceOrderNumber"),
        WarrantyUntil = ReadDate(row.GetString("WarrantyUntil")),
        Etag = row.ETag.ToString(),
        CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
        CreatedBy = row.GetString("CreatedBy") ?? "",
        UpdatedAt = row.GetDateTimeOffset("UpdatedAt") ?? default,
        UpdatedBy = row.GetString("UpdatedBy") ?? "",
    };

    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ReadDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

/// <summary>One line of an item's history: what changed (pt-BR), who, when.</summary>
public sealed record InventoryHistoryEntry(string Action, string Details, DateTimeOffset At, string ActorName);

/// <summary>Create and edit (PUT sends every field, as the edit form has them all).</summary>
public sealed record InventoryItemRequest(
    string? SerialNumber,
    string? CustomerId,
    string? ContractId,
    string? SiteId,
    string? TypeId,
    string? Description,
    string? Notes,
    string? OrderId,
    string? ServiceOrderId,
    DateOnly? WarrantyUntil);

public sealed record MoveItemRequest(string? SiteId);

/// <summary>Serial numbers of delivered units, registered as inventory in one step.</summary>
public sealed record RegisterSerialsRequest(
    string? CustomerId,
    string? ContractId,
    string? SiteId,
    string? TypeId,
    string? OrderId,
    string? OrderItemId,
    IReadOnlyList<string?>? Serials,
    string? Description,
    string? Notes,
    DateOnly? WarrantyUntil);

public sealed record RegisterSerialsResponse(IReadOnlyList<InventoryItem> Items);
