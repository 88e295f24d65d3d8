using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Inventory;

/// <summary>A create/edit request after its own checks, before the records it points at are looked up.</summary>
public sealed record InventoryInput(
    string Serial,
    string SerialTyped,
    string CustomerId,
    string ContractId,
    string SiteId,
    string TypeId,
    string? Description,
    string? Notes,
    string? OrderId,
    string? ServiceOrderId,
    DateOnly? WarrantyUntil);

/// <summary>A serial number as stored (normalised) and as typed.</summary>
public sealed record SerialEntry(string Serial, string Typed);

public sealed record RegisterSerialsInput(
    IReadOnlyList<SerialEntry> Serials,
    string CustomerId,
    string ContractId,
    string SiteId,
    string TypeId,
    string? OrderId,
    string? OrderItemId,
    string? Description,
    string? Notes,
    DateOnly? WarrantyUntil);

/// <summary>Everything stored on an item (and copied to its index rows), with the names of what it points at.</summary>
public sealed record InventoryValues
{
    public required string Serial { get; init; }
    public required string SerialTyped { get; init; }
    public required string CustomerId { get; init; }
    public required string CustomerName { get; init; }
    public string CustomerTradeName { get; init; } = "";
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

    /// <summary>What the keyword filter matches: serial, description, customer, site, type, contract, order.</summary>
    public string SearchText => Platform.SearchText.Of(
        Serial,
        SerialTyped,
        Description,
        CustomerName,
        CustomerTradeName,
        SiteName,
        TypeName,
        ContractTitle,
        ContractNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OrderNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>The inventory rules from the Citrus.cx article (no I/O): required fields, serial numbers, and what may point where.</summary>
public static class InventoryRules
{
    public const int MaxDescription = 500;
    public const int MaxNotes = 2000;
    public const int MaxSerialsPerRegistration = 200;

    /// <summary>Order statuses in which the goods have left (DESIGN.md §5: Pedido releases stock deduction, billing comes after).</summary>
    public static readonly IReadOnlySet<string> DeliveredOrderStatuses =
        new HashSet<string>(["Pedido", "FaturadoParcial", "Faturado"], StringComparer.OrdinalIgnoreCase);

    public static string DuplicateSerialDetail(string serial, string customerName, string siteName) =>
        $"O número de série {serial} já está cadastrado no item de {customerName} (site {siteName}).";

    public static InventoryInput Check(InventoryItemRequest request)
    {
        var v = new Validation();
        var typed = request.SerialNumber?.Trim() ?? "";
        var serial = SerialNumbers.Normalize(typed);
        if (SerialNumbers.Problem(serial) is { } problem)
        {
            v.Add("serialNumber", problem);
        }

        var customerId = Required(v, request.CustomerId, "customerId", "Informe o cliente.");
        var contractId = Required(v, request.ContractId, "contractId", "Informe o contrato.");
        var siteId = Required(v, request.SiteId, "siteId", "Informe o site.");
        var typeId = Required(v, request.TypeId, "typeId", "Informe o tipo de produto ou serviço.");
        var (description, notes) = Texts(v, request.Description, request.Notes);
        CheckWarranty(v, request.WarrantyUntil);
        v.ThrowIfInvalid();
        return new InventoryInput(
            serial, typed, customerId, contractId, siteId, typeId, description, notes, Clean(request.OrderId), Clean(request.ServiceOrderId), request.WarrantyUntil);
    }

    /// <summary>
    /// A registration of serial numbers: blank lines are ignored (lists are pasted), every other entry must be a valid
    /// serial, and a serial repeated inside the list is refused like one already registered.
    /// </summary>
    public static RegisterSerialsInput Check(RegisterSerialsRequest request)
    {
        var v = new Validation();
        var serials = new List<SerialEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeated = new List<string>();
        var entries = request.Serials ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entries[i]))
            {
                continue;
            }

            var typed = entries[i]!.Trim();
            var serial = SerialNumbers.Normalize(typed);
            if (SerialNumbers.Problem(serial) is { } problem)
            {
                v.Add($"serials[{i}]", $"{typed}: {problem}");
            }
            else if (!seen.Add(serial))
            {
                repeated.Add(serial);
            }
            else
            {
                serials.Add(new SerialEntry(serial, typed));
            }
        }

        if (repeated.Count > 0)
        {
            v.Add("serials", $"Número(s) de série repetido(s) na lista: {string.Join(", ", repeated.Distinct(StringComparer.Ordinal))}.");
        }

        var given = entries.Count(e => !string.IsNullOrWhiteSpace(e));
        v.Check(given > 0, "serials", "Informe ao menos um número de série.");
        v.Check(given <= MaxSerialsPerRegistration, "serials", $"Registre no máximo {MaxSerialsPerRegistration} números de série por vez.");
        var customerId = Required(v, request.CustomerId, "customerId", "Informe o cliente.");
        var contractId = Required(v, request.ContractId, "contractId", "Informe o contrato.");
        var siteId = Required(v, request.SiteId, "siteId", "Informe o site.");
        var typeId = Required(v, request.TypeId, "typeId", "Informe o tipo de produto ou serviço.");
        var orderId = Clean(request.OrderId);
        var orderItemId = Clean(request.OrderItemId);
        v.Check(orderId is not null || orderItemId is null, "orderId", "Informe o pedido do item.");
        v.Check(orderId is null || orderItemId is not null, "orderItemId", "Informe o item do pedido que foi entregue.");
        var (description, notes) = Texts(v, request.Description, request.Notes);
        CheckWarranty(v, request.WarrantyUntil);
        v.ThrowIfInvalid();
        return new RegisterSerialsInput(serials, customerId, contractId, siteId, typeId, orderId, orderItemId, description, notes, request.WarrantyUntil);
    }

    /// <summary>
    /// The item's values once the records it points at are found. A contract, site, order or service order of another
    /// customer is refused: an item belongs to one customer and everything it points at must be that customer's.
    /// </summary>
    public static InventoryValues Resolve(
        InventoryInput input,
        CustomerRef? customer,
        ContractRef? contract,
        SiteRef? site,
        TypeRef? type,
        OrderRef? order,
        ServiceOrderRef? serviceOrder,
        string? orderItemId,
        Validation v)
    {
        if (customer is null)
        {
            v.Add("customerId", "Cliente não encontrado.");
        }

        if (contract is null)
        {
            v.Add("contractId", "Contrato não encontrado.");
        }
        else if (!string.Equals(contract.CustomerId, input.CustomerId, StringComparison.Ordinal))
        {
            v.Add("contractId", $"O contrato {ContractLabel(contract.Number, contract.Title)} não pertence a este cliente: escolha um contrato do cliente.");
        }

        if (customer is not null && site is null)
        {
            v.Add("siteId", "O site informado não pertence a este cliente: escolha um site do cliente.");
        }

        if (type is null)
        {
            v.Add("typeId", "Tipo de produto ou serviço não encontrado.");
        }

        if (input.OrderId is not null && order is null)
        {
            v.Add("orderId", "Pedido não encontrado.");
        }
        else if (order is not null && !string.Equals(order.CustomerId, input.CustomerId, StringComparison.Ordinal))
        {
            v.Add("orderId", $"O pedido {NumberLabel(order.Number)} não pertence a este cliente.");
        }

        if (input.ServiceOrderId is not null && serviceOrder is null)
        {
            v.Add("serviceOrderId", "Ordem de serviço não encontrada.");
        }
        else if (serviceOrder is not null && !string.Equals(serviceOrder.CustomerId, input.CustomerId, StringComparison.Ordinal))
        {
            v.Add("serviceOrderId", $"A ordem de serviço {NumberLabel(serviceOrder.Number)} não pertence a este cliente.");
        }

        v.ThrowIfInvalid();
        return new InventoryValues
        {
            Serial = input.Serial,
            SerialTyped = input.SerialTyped,
            CustomerId = input.CustomerId,
            CustomerName = customer!.LegalName,
            CustomerTradeName = customer.TradeName,
            ContractId = input.ContractId,
            ContractNumber = contract!.Number,
            ContractTitle = contract.Title,
            SiteId = input.SiteId,
            SiteName = site!.Name,
            TypeId = input.TypeId,
            TypeName = type!.Name,
            Description = input.Description,
            Notes = input.Notes,
            OrderId = order?.Id,
            OrderNumber = order?.Number,
            OrderItemId = order is null ? null : orderItemId,
            ServiceOrderId = serviceOrder?.Id,
            ServiceOrderNumber = serviceOrder?.Number,
            WarrantyUntil = input.WarrantyUntil,
        };
    }

    /// <summary>
    /// Serial numbers come from a delivered product line of the customer's order, and never more of them than units
    /// delivered: quantity 3 with 2 registered leaves room for 1.
    /// </summary>
    public static OrderItemRef CheckOrderItem(OrderRef order, string customerId, string orderItemId, int serialCount, int alreadyRegistered)
    {
        if (!string.Equals(order.CustomerId, customerId, StringComparison.Ordinal))
        {
            throw AppException.Validation("orderId", $"O pedido {NumberLabel(order.Number)} não pertence a este cliente.");
        }

        if (!DeliveredOrderStatuses.Contains(order.Status))
        {
            throw AppException.InvalidState(
                $"O pedido {NumberLabel(order.Number)} está em \"{order.Status}\": os números de série são registrados depois que o pedido é confirmado e entregue.");
        }

        var item = order.Items.FirstOrDefault(i => string.Equals(i.Id, orderItemId, StringComparison.Ordinal))
            ?? throw AppException.Validation("orderItemId", "Item não encontrado neste pedido.");
        if (!string.Equals(item.Kind, "product", StringComparison.OrdinalIgnoreCase))
        {
            throw AppException.Validation("orderItemId", $"O item \"{item.Description}\" é um serviço: só produtos têm número de série.");
        }

        var units = (int)Math.Floor(item.Quantity);
        var left = Math.Max(0, units - alreadyRegistered);
        if (serialCount > left)
        {
            throw AppException.Validation(
                "serials",
                $"O item \"{item.Description}\" tem quantidade {BrazilFormat.Quantity(item.Quantity)} e já possui {alreadyRegistered} número(s) de série registrado(s): informe no máximo {left}.");
        }

        return item;
    }

    /// <summary>The history line of an edit: each changed field, with before → after where a name says it.</summary>
    public static IReadOnlyList<string> Changes(InventoryValues before, InventoryValues after)
    {
        var changes = new List<string>();
        if (before.Serial != after.Serial)
        {
            changes.Add($"número de série: {before.Serial} → {after.Serial}");
        }

        if (before.CustomerId != after.CustomerId)
        {
            changes.Add($"cliente: {before.CustomerName} → {after.CustomerName}");
        }

        if (before.ContractId != after.ContractId)
        {
            changes.Add($"contrato: {ContractLabel(before.ContractNumber, before.ContractTitle)} → {ContractLabel(after.ContractNumber, after.ContractTitle)}");
        }

        if (before.TypeId != after.TypeId)
        {
            changes.Add($"tipo: {before.TypeName} → {after.TypeName}");
        }

        if (before.Description != after.Description)
        {
            changes.Add("descrição");
        }

        if (before.Notes != after.Notes)
        {
            changes.Add("observação");
        }

        if (before.OrderId != after.OrderId)
        {
            changes.Add($"pedido: {Optional(before.OrderId, before.OrderNumber)} → {Optional(after.OrderId, after.OrderNumber)}");
        }

        if (before.ServiceOrderId != after.ServiceOrderId)
        {
            changes.Add($"ordem de serviço: {Optional(before.ServiceOrderId, before.ServiceOrderNumber)} → {Optional(after.ServiceOrderId, after.ServiceOrderNumber)}");
        }

        if (before.WarrantyUntil != after.WarrantyUntil)
        {
            changes.Add($"garantia até: {DateLabel(before.WarrantyUntil)} → {DateLabel(after.WarrantyUntil)}");
        }

        return changes;
    }

    public static string MoveDetail(string fromSite, string toSite) => $"Site: {fromSite} → {toSite}";

    public static string ContractLabel(long? number, string title) =>
        number is null ? title : string.IsNullOrWhiteSpace(title) ? $"nº {number}" : $"nº {number} – {title}";

    private static string NumberLabel(long? number) => number is null ? "informado" : $"nº {number}";

    private static string Optional(string? id, long? number) => id is null ? "nenhum" : NumberLabel(number);

    private static string DateLabel(DateOnly? date) => date is { } d ? BrazilFormat.Date(d) : "sem data";

    private static string Required(Validation v, string? value, string field, string message)
    {
        var clean = Clean(value);
        v.Required(clean, field, message);
        return clean ?? "";
    }

    private static (string? Description, string? Notes) Texts(Validation v, string? description, string? notes)
    {
        var cleanDescription = Clean(description);
        var cleanNotes = Clean(notes);
        v.MaxLength(cleanDescription, MaxDescription, "description", "A descrição");
        v.MaxLength(cleanNotes, MaxNotes, "notes", "A observação");
        return (cleanDescription, cleanNotes);
    }

    private static void CheckWarranty(Validation v, DateOnly? warrantyUntil) =>
        v.Check(warrantyUntil is null || warrantyUntil.Value.Year is >= 2000 and <= 2100, "warrantyUntil", "Data de fim da garantia inválida.");

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
