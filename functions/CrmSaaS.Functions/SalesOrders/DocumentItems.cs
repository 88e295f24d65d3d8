using System.Security.Cryptography;
using System.Text.Json;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.SalesOrders;

public enum ItemKind
{
    Service,
    Product,
}

/// <summary>An item line as a client sends it (quotes, sales orders, service orders). <c>Id</c> keeps an existing line.</summary>
public sealed record DocumentItemInput(
    string? Id,
    ItemKind? Kind,
    string? ServiceId,
    string? ProductId,
    string? Description,
    decimal? Quantity,
    decimal? UnitPrice,
    DiscountKind? DiscountKind,
    decimal? Discount,
    string? Note);

/// <summary>
/// A stored line of a quote, sales order or service order (inside the record's <c>ItemsJson</c>). Amounts are
/// already rounded; <see cref="BilledQuantity"/> is kept by billing and <see cref="TasksGenerated"/> by the
/// order → CRM step, and neither can be edited by a client.
/// </summary>
public sealed record DocumentItem
{
    public required string Id { get; init; }
    public required ItemKind Kind { get; init; }
    public string? ServiceId { get; init; }
    public string? ProductId { get; init; }
    public string Code { get; init; } = "";
    public required string Description { get; init; }
    public required decimal Quantity { get; init; }
    public required decimal UnitPrice { get; init; }
    public DiscountKind DiscountKind { get; init; }
    public decimal Discount { get; init; }
    public decimal Gross { get; init; }
    public decimal DiscountAmount { get; init; }
    public decimal Total { get; init; }

    /// <summary>Information for the customer about this line (oGestor's "informações adicionais").</summary>
    public string Note { get; init; } = "";

    public decimal BilledQuantity { get; init; }

    /// <summary>How many of this line's per-unit tasks the order → CRM step has created (units 1..n).</summary>
    public int TasksGenerated { get; init; }

    /// <summary>Tasks a service line asks for: one per unit; a fraction of a unit is still a unit of work.</summary>
    public int TaskUnits => Kind == ItemKind.Service ? (int)Math.Ceiling(Quantity) : 0;
}

/// <summary>A catalogue entry an item line points at (service or product), resolved by the store before the rules run.</summary>
public sealed record CatalogueEntry(string Id, string Code, string Description, decimal Price, bool Active);

/// <summary>
/// Builds and checks item lines (no I/O): catalogue defaults, money math with <see cref="Money"/>, and the rules
/// that protect what billing and the CRM step already did with a line.
/// </summary>
public static class DocumentItemRules
{
    public const int MaxItems = 100;
    public const decimal MaxQuantity = 99_999m;
    public const decimal MaxUnitPrice = 999_999_999m;
    public const int MaxDescription = 500;
    public const int MaxNote = 500;

    private const string IdAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>
    /// The new item list from the client's lines. Lines with an <c>Id</c> update the existing line of that id (keeping
    /// its billed quantity and generated tasks); lines without one are new. Existing lines missing from
    /// <paramref name="inputs"/> are removed, unless billing or the CRM step already used them.
    /// </summary>
    public static IReadOnlyList<DocumentItem> Build(
        IReadOnlyList<DocumentItemInput>? inputs,
        IReadOnlyList<DocumentItem> existing,
        IReadOnlyDictionary<string, CatalogueEntry> services,
        IReadOnlyDictionary<string, CatalogueEntry> products,
        Validation validation,
        bool servicesOnly = false)
    {
        inputs ??= [];
        if (inputs.Count > MaxItems)
        {
            validation.Add("items", $"Um documento pode ter no máximo {MaxItems} itens.");
            return existing;
        }

        var byId = existing.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var newId = IdSource(existing);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<DocumentItem>(inputs.Count);
        for (var index = 0; index < inputs.Count; index++)
        {
            var input = inputs[index];
            var field = $"items[{index}]";
            DocumentItem? previous = null;
            if (!string.IsNullOrWhiteSpace(input.Id))
            {
                if (!byId.TryGetValue(input.Id, out previous) || !kept.Add(input.Id))
                {
                    validation.Add($"{field}.id", $"Item {index + 1}: item não encontrado neste documento.");
                    continue;
                }
            }

            var item = BuildOne(input, previous, newId, services, products, validation, field, index + 1, servicesOnly);
            if (item is not null)
            {
                result.Add(item);
            }
        }

        foreach (var removed in existing.Where(i => !kept.Contains(i.Id)))
        {
            if (removed.BilledQuantity > 0)
            {
                validation.Add("items", $"O item \"{removed.Description}\" já foi faturado e não pode ser removido.");
            }
            else if (removed.TasksGenerated > 0)
            {
                validation.Add("items", $"O item \"{removed.Description}\" já gerou {removed.TasksGenerated} tarefa(s) no CRM e não pode ser removido.");
            }
        }

        return result;
    }

    /// <summary>Existing lines plus <paramref name="added"/> new ones (the Centrium flow: header first, items after).</summary>
    public static IReadOnlyList<DocumentItem> Append(
        IReadOnlyList<DocumentItemInput>? added,
        IReadOnlyList<DocumentItem> existing,
        IReadOnlyDictionary<string, CatalogueEntry> services,
        IReadOnlyDictionary<string, CatalogueEntry> products,
        Validation validation)
    {
        added ??= [];
        if (added.Count == 0)
        {
            validation.Add("items", "Informe ao menos um item.");
        }

        if (existing.Count + added.Count > MaxItems)
        {
            validation.Add("items", $"Um documento pode ter no máximo {MaxItems} itens.");
            return existing;
        }

        var result = existing.ToList();
        var newId = IdSource(existing);
        for (var index = 0; index < added.Count; index++)
        {
            var input = added[index] with { Id = null };
            var item = BuildOne(input, null, newId, services, products, validation, $"items[{index}]", index + 1, servicesOnly: false);
            if (item is not null)
            {
                result.Add(item);
            }
        }

        return result;
    }

    public static LineAmounts Totals(IEnumerable<DocumentItem> items) =>
        Money.Totals(items.Select(i => new LineAmounts(i.Gross, i.DiscountAmount, i.Total)));

    public static string Serialize(IReadOnlyList<DocumentItem> items) => JsonSerializer.Serialize(items, JsonDefaults.Options);

    public static IReadOnlyList<DocumentItem> Deserialize(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<DocumentItem>>(json, JsonDefaults.Options) ?? [];

    /// <summary>A short random id, unique inside one document (task ids and billing refer to it, so it never changes).</summary>
    public static string NewItemId()
    {
        Span<char> chars = stackalloc char[8];
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = IdAlphabet[random[i] & 31];
        }

        return new string(chars);
    }

    private static DocumentItem? BuildOne(
        DocumentItemInput input,
        DocumentItem? previous,
        Func<string> newId,
        IReadOnlyDictionary<string, CatalogueEntry> services,
        IReadOnlyDictionary<string, CatalogueEntry> products,
        Validation validation,
        string field,
        int number,
        bool servicesOnly)
    {
        var ok = true;
        void Fail(string name, string message)
        {
            validation.Add($"{field}.{name}", $"Item {number}: {message}");
            ok = false;
        }

        var kind = input.Kind ?? (input.ProductId is { Length: > 0 } ? ItemKind.Product : ItemKind.Service);
        if (input.Kind is { } k && !Enum.IsDefined(k))
        {
            Fail("kind", "tipo de item inválido (use serviço ou produto).");
        }

        if (servicesOnly && kind != ItemKind.Service)
        {
            Fail("kind", "uma ordem de serviço aceita apenas serviços.");
        }

        if (previous is not null && previous.Kind != kind && (previous.TasksGenerated > 0 || previous.BilledQuantity > 0))
        {
            Fail("kind", "o tipo do item não pode mudar depois de faturado ou de gerar tarefas.");
        }

        CatalogueEntry? entry = null;
        if (kind == ItemKind.Service && !string.IsNullOrWhiteSpace(input.ServiceId))
        {
            if (!services.TryGetValue(input.ServiceId, out entry))
            {
                Fail("serviceId", "serviço não encontrado no catálogo.");
            }
            else if (!entry.Active && previous?.ServiceId != entry.Id)
            {
                Fail("serviceId", $"o serviço \"{entry.Description}\" está inativo.");
            }
        }
        else if (kind == ItemKind.Product)
        {
            if (string.IsNullOrWhiteSpace(input.ProductId))
            {
                Fail("productId", "informe o produto.");
            }
            else if (!products.TryGetValue(input.ProductId, out entry))
            {
                Fail("productId", "produto não encontrado no catálogo.");
            }
            else if (!entry.Active && previous?.ProductId != entry.Id)
            {
                Fail("productId", $"o produto \"{entry.Description}\" está inativo.");
            }
        }

        var description = string.IsNullOrWhiteSpace(input.Description) ? entry?.Description ?? "" : input.Description.Trim();
        if (description.Length == 0)
        {
            Fail("description", "informe a descrição.");
        }
        else if (description.Length > MaxDescription)
        {
            Fail("description", $"a descrição deve ter no máximo {MaxDescription} caracteres.");
        }

        var note = input.Note?.Trim() ?? "";
        if (note.Length > MaxNote)
        {
            Fail("note", $"a informação ao cliente deve ter no máximo {MaxNote} caracteres.");
        }

        var quantity = input.Quantity ?? 0;
        var unitPrice = input.UnitPrice ?? entry?.Price ?? 0;
        var discountKind = input.DiscountKind ?? Common.DiscountKind.None;
        var discount = discountKind == Common.DiscountKind.None ? 0 : input.Discount ?? 0;
        if (input.Quantity is null)
        {
            Fail("quantity", "informe a quantidade.");
        }
        else if (quantity > MaxQuantity)
        {
            Fail("quantity", $"a quantidade máxima é {BrazilFormat.Quantity(MaxQuantity)}.");
        }
        else if (unitPrice > MaxUnitPrice)
        {
            Fail("unitPrice", $"o valor unitário máximo é {Money.Format(MaxUnitPrice)}.");
        }
        else if (Money.ValidateLine(quantity, unitPrice, discountKind, discount) is { } lineError)
        {
            Fail(LineErrorField(lineError), char.ToLowerInvariant(lineError[0]) + lineError[1..]);
        }

        if (previous is not null && quantity < previous.BilledQuantity)
        {
            Fail("quantity", $"a quantidade não pode ser menor que a já faturada ({BrazilFormat.Quantity(previous.BilledQuantity)}).");
        }

        if (previous is not null && previous.TasksGenerated > 0 && Math.Ceiling(quantity) < previous.TasksGenerated)
        {
            Fail("quantity", $"o item já gerou {previous.TasksGenerated} tarefa(s) no CRM; a quantidade não pode ser menor.");
        }

        if (!ok)
        {
            return null;
        }

        var amounts = Money.LineTotal(quantity, unitPrice, discountKind, discount);
        return new DocumentItem
        {
            Id = previous?.Id ?? newId(),
            Kind = kind,
            ServiceId = kind == ItemKind.Service ? entry?.Id : null,
            ProductId = kind == ItemKind.Product ? entry?.Id : null,
            Code = entry?.Code ?? "",
            Description = description,
            Quantity = quantity,
            UnitPrice = unitPrice,
            DiscountKind = discountKind,
            Discount = discount,
            Gross = amounts.Gross,
            DiscountAmount = amounts.Discount,
            Total = amounts.Total,
            Note = note,
            BilledQuantity = previous?.BilledQuantity ?? 0,
            TasksGenerated = previous?.TasksGenerated ?? 0,
        };
    }

    /// <summary>Fresh ids that collide neither with the document's lines nor with each other.</summary>
    private static Func<string> IdSource(IReadOnlyList<DocumentItem> existing)
    {
        var taken = new HashSet<string>(existing.Select(i => i.Id), StringComparer.Ordinal);
        return () =>
        {
            string id;
            do
            {
                id = NewItemId();
            }
            while (!taken.Add(id));
            return id;
        };
    }

    private static string LineErrorField(string message) =>
        message.Contains("quantidade", StringComparison.Ordinal) ? "quantity"
        : message.Contains("valor unitário", StringComparison.Ordinal) ? "unitPrice"
        : message.Contains("Tipo de desconto", StringComparison.Ordinal) ? "discountKind"
        : "discount";
}
