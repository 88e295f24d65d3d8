using System.Text.Json;
using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Solutions;

/// <summary>A service line as sent by a client (solution lines, contract items). Empty fields fall back to the service's.</summary>
public sealed record ServiceLineRequest(
    string? ServiceId,
    string? Description,
    string? CategoryId,
    decimal? Quantity,
    decimal? UnitPrice,
    string? DiscountKind,
    decimal? Discount);

/// <summary>
/// A validated service line, as stored in <c>LinesJson</c> / <c>ItemsJson</c> (camelCase JSON):
/// <c>{serviceId, description, categoryId?, categoryName?, quantity, unitPrice, discountKind, discount}</c>.
/// </summary>
public sealed record ServiceLine(
    string? ServiceId,
    string Description,
    string? CategoryId,
    string? CategoryName,
    decimal Quantity,
    decimal UnitPrice,
    string DiscountKind,
    decimal Discount);

/// <summary>A line with its amounts: the shape an opportunity's ticket copies (<c>kind</c> = <c>service</c>).</summary>
public sealed record PricedLine(
    string Kind,
    string? ServiceId,
    string Description,
    string? CategoryId,
    string? CategoryName,
    decimal Quantity,
    decimal UnitPrice,
    string DiscountKind,
    decimal Discount,
    decimal Gross,
    decimal DiscountAmount,
    decimal Total);

/// <summary>Rules of service lines (no I/O): validation against the services read, pricing with <see cref="Money"/>.</summary>
public static class ServiceLineRules
{
    /// <summary>
    /// At most this many lines, so a record, its index row and its <c>ref|service|…</c> rows (old and new) fit in one
    /// entity-group transaction of 100 operations.
    /// </summary>
    public const int MaxLines = 40;

    public const string None = "none";
    public const string Percent = "percent";
    public const string Amount = "amount";

    public static bool TryParseDiscountKind(string? value, out DiscountKind kind)
    {
        switch (RecordConventions.Clean(value)?.ToLowerInvariant())
        {
            case null or None:
                kind = Common.DiscountKind.None;
                return true;
            case Percent:
                kind = Common.DiscountKind.Percent;
                return true;
            case Amount:
                kind = Common.DiscountKind.Amount;
                return true;
            default:
                kind = Common.DiscountKind.None;
                return false;
        }
    }

    public static string DiscountKindValue(DiscountKind kind) => kind switch
    {
        Common.DiscountKind.Percent => Percent,
        Common.DiscountKind.Amount => Amount,
        _ => None,
    };

    /// <summary>
    /// Validates <paramref name="requests"/> (errors under <c>field[i].property</c>) against the services and categories
    /// that exist, filling description, unit price and category from the service where the line leaves them empty.
    /// </summary>
    public static IReadOnlyList<ServiceLine> Validate(
        Validation v,
        IReadOnlyList<ServiceLineRequest>? requests,
        string field,
        bool serviceRequired,
        string emptyMessage,
        IReadOnlyDictionary<string, Service> services,
        IReadOnlyDictionary<string, Category> categories)
    {
        if (requests is null || requests.Count == 0)
        {
            v.Add(field, emptyMessage);
            return [];
        }

        if (requests.Count > MaxLines)
        {
            v.Add(field, $"São permitidas no máximo {MaxLines} linhas.");
            return [];
        }

        var lines = new List<ServiceLine>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i] ?? new ServiceLineRequest(null, null, null, null, null, null, null);
            var prefix = $"{field}[{i}]";
            var serviceId = RecordConventions.Clean(request.ServiceId);
            Service? service = null;
            if (serviceId is null)
            {
                v.Check(!serviceRequired, prefix + ".serviceId", "Informe o serviço.");
            }
            else if (!services.TryGetValue(serviceId, out service))
            {
                v.Add(prefix + ".serviceId", "Serviço não encontrado.");
            }
            else
            {
                v.Check(service.Active, prefix + ".serviceId", $"O serviço {service.Code} está inativo e não pode ser usado.");
            }

            var description = RecordConventions.Clean(request.Description) ?? service?.Description;
            v.Required(description, prefix + ".description", "Informe a descrição do item.");
            v.MaxLength(description, 200, prefix + ".description", "A descrição do item");

            var categoryId = RecordConventions.Clean(request.CategoryId);
            string? categoryName = null;
            if (categoryId is not null)
            {
                if (categories.TryGetValue(categoryId, out var category))
                {
                    categoryName = category.Name;
                }
                else
                {
                    v.Add(prefix + ".categoryId", "Categoria não encontrada.");
                }
            }
            else if (service is not null)
            {
                categoryId = service.CategoryId;
                categoryName = service.CategoryName;
            }

            var quantity = request.Quantity;
            var unitPrice = request.UnitPrice ?? service?.UnitPrice;
            var discount = request.Discount ?? 0m;
            var kindValid = TryParseDiscountKind(request.DiscountKind, out var kind);
            v.Check(kindValid, prefix + ".discountKind", "Tipo de desconto inválido: use \"none\", \"percent\" (%) ou \"amount\" (R$).");
            if (quantity is null)
            {
                v.Add(prefix + ".quantity", "Informe a quantidade.");
            }
            else if (quantity <= 0)
            {
                v.Add(prefix + ".quantity", "A quantidade deve ser maior que zero.");
            }

            if (unitPrice is null)
            {
                v.Add(prefix + ".unitPrice", "Informe o valor unitário.");
            }
            else if (unitPrice < 0)
            {
                v.Add(prefix + ".unitPrice", "O valor unitário não pode ser negativo.");
            }
            else if (quantity > 0 && kindValid)
            {
                // What is left for Money's rule is the discount: negative, over 100 % or over the gross amount.
                var error = Money.ValidateLine(quantity.Value, unitPrice.Value, kind, discount);
                if (error is not null)
                {
                    v.Add(prefix + ".discount", error);
                }
            }

            lines.Add(new ServiceLine(
                service?.Id ?? serviceId,
                description ?? "",
                categoryId,
                categoryName,
                quantity ?? 0m,
                unitPrice ?? 0m,
                DiscountKindValue(kind),
                kind == Common.DiscountKind.None ? 0m : discount));
        }

        return lines;
    }

    public static PricedLine Price(ServiceLine line)
    {
        // Stored lines were validated on write; an unknown kind could only come from a hand-edited row.
        var kind = TryParseDiscountKind(line.DiscountKind, out var parsed) ? parsed : Common.DiscountKind.None;
        var amounts = Money.LineTotal(line.Quantity, line.UnitPrice, kind, line.Discount);
        return new PricedLine(
            "service",
            line.ServiceId,
            line.Description,
            line.CategoryId,
            line.CategoryName,
            line.Quantity,
            line.UnitPrice,
            line.DiscountKind,
            line.Discount,
            amounts.Gross,
            amounts.Discount,
            amounts.Total);
    }

    public static LineAmounts Totals(IEnumerable<ServiceLine> lines) =>
        Money.Totals(lines.Select(Price).Select(p => new LineAmounts(p.Gross, p.DiscountAmount, p.Total)));

    public static string ToJson(IReadOnlyList<ServiceLine> lines) => JsonSerializer.Serialize(lines, JsonDefaults.Options);

    public static IReadOnlyList<ServiceLine> FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<ServiceLine>>(json, JsonDefaults.Options) ?? [];

    /// <summary>The service ids that a set of lines uses (for the <c>ref|service|…</c> rows).</summary>
    public static IReadOnlySet<string> ServiceIds(IEnumerable<ServiceLine> lines) =>
        lines.Select(l => l.ServiceId).OfType<string>().ToHashSet(StringComparer.Ordinal);
}

/// <summary>Reads what service lines point at (services and categories), in parallel, before validation.</summary>
public static class ServiceLineLookup
{
    public static async Task<(IReadOnlyDictionary<string, Service> Services, IReadOnlyDictionary<string, Category> Categories)> LoadAsync(
        CatalogueStore catalogue, IReadOnlyList<ServiceLineRequest>? requests, CancellationToken ct)
    {
        var lines = (requests ?? []).Where(r => r is not null).Take(ServiceLineRules.MaxLines).ToList();
        var serviceIds = lines.Select(l => RecordConventions.Clean(l.ServiceId)).OfType<string>();
        var categoryIds = lines.Select(l => RecordConventions.Clean(l.CategoryId)).OfType<string>().Distinct(StringComparer.Ordinal);
        var servicesTask = catalogue.FindServicesAsync(serviceIds, ct);
        var categoriesTask = Task.WhenAll(categoryIds.Select(id => catalogue.FindCategoryAsync(id, ct)));
        var services = await servicesTask;
        var categories = (await categoriesTask).OfType<Category>().ToDictionary(c => c.Id, StringComparer.Ordinal);
        return (services, categories);
    }
}
