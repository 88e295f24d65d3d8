using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Opportunities;

/// <summary>A ticket line as sent by the user; empty description/price/category default from the catalogue item.</summary>
public sealed record TicketLineInput(
    string? Kind,
    string? ServiceId,
    string? ProductId,
    string? Description,
    string? CategoryId,
    decimal? Quantity,
    decimal? UnitPrice,
    DiscountKind? DiscountKind,
    decimal? Discount);

/// <summary>The catalogue item a line refers to (service or product), as read from the catalogue.</summary>
public sealed record CatalogueItemRef(string Id, string Kind, string Description, decimal UnitPrice, string? CategoryId, string? CategoryName, bool Active);

/// <summary>A service line of a solution (<c>solution|&lt;id&gt;</c> LinesJson), the shape the catalogue feature writes.</summary>
public sealed record SolutionLine(
    string? ServiceId,
    string? Description,
    string? CategoryId,
    string? CategoryName,
    decimal Quantity,
    decimal UnitPrice,
    DiscountKind DiscountKind,
    decimal Discount);

/// <summary>Ticket math and line validation (Omie "Ticket": categoria, quantidade, valor unitário, desconto % ou R$). No I/O.</summary>
public static class TicketRules
{
    /// <summary>Keeps TicketJson well inside the 32 K characters a table property may hold.</summary>
    public const int MaxLines = 40;

    public const int MaxDescriptionLength = 300;

    /// <summary>The kind of a line: explicit, or inferred from which catalogue id was sent.</summary>
    public static string? KindOf(TicketLineInput input) =>
        input.Kind?.Trim().ToLowerInvariant() switch
        {
            TicketLineKind.Service => TicketLineKind.Service,
            TicketLineKind.Product => TicketLineKind.Product,
            null or "" when !string.IsNullOrWhiteSpace(input.ProductId) && string.IsNullOrWhiteSpace(input.ServiceId) => TicketLineKind.Product,
            null or "" => TicketLineKind.Service,
            _ => null,
        };

    /// <summary>
    /// Builds a line from the input and its catalogue item (null when it does not exist); collects every problem in
    /// <paramref name="validation"/> under <paramref name="field"/>-prefixed names and returns null when the line is invalid.
    /// </summary>
    public static TicketLine? BuildLine(
        string id, TicketLineInput input, CatalogueItemRef? item, CategoryRef? category, Validation validation, string field = "")
    {
        var kind = KindOf(input);
        if (kind is null)
        {
            validation.Add(field + "kind", "Tipo de item inválido: use \"service\" (serviço) ou \"product\" (produto).");
            return null;
        }

        var itemId = kind == TicketLineKind.Service ? input.ServiceId : input.ProductId;
        var itemField = field + (kind == TicketLineKind.Service ? "serviceId" : "productId");
        var label = kind == TicketLineKind.Service ? "serviço" : "produto";
        if (string.IsNullOrWhiteSpace(itemId))
        {
            validation.Add(itemField, $"Escolha o {label} do item.");
        }
        else if (item is null || item.Kind != kind)
        {
            validation.Add(itemField, $"O {label} escolhido não existe.");
        }
        else if (!item.Active)
        {
            validation.Add(itemField, $"O {label} \"{item.Description}\" está inativo.");
        }

        if (!string.IsNullOrWhiteSpace(input.CategoryId) && category is null)
        {
            validation.Add(field + "categoryId", "A categoria escolhida não existe.");
        }

        var description = string.IsNullOrWhiteSpace(input.Description) ? item?.Description ?? "" : input.Description.Trim();
        validation.MaxLength(description, MaxDescriptionLength, field + "description", "A descrição do item");
        validation.Check(input.Quantity is not null, field + "quantity", "Informe a quantidade.");
        var unitPrice = input.UnitPrice ?? item?.UnitPrice ?? 0m;
        var discountKind = input.DiscountKind ?? DiscountKind.None;
        var discount = discountKind == DiscountKind.None ? 0m : input.Discount ?? 0m;
        if (input.Quantity is { } quantity && Money.ValidateLine(quantity, unitPrice, discountKind, discount) is { } error)
        {
            validation.Add(FieldOf(error, field), error);
        }

        if (!validation.IsValid)
        {
            return null;
        }

        var amounts = Money.LineTotal(input.Quantity!.Value, unitPrice, discountKind, discount);
        return new TicketLine(
            id,
            kind,
            kind == TicketLineKind.Service ? item!.Id : null,
            kind == TicketLineKind.Product ? item!.Id : null,
            description,
            category?.Id ?? item!.CategoryId,
            category?.Name ?? item!.CategoryName,
            input.Quantity.Value,
            unitPrice,
            discountKind,
            discount,
            amounts.Gross,
            amounts.Discount,
            amounts.Total);
    }

    /// <summary>The ticket lines a solution copies into an opportunity (Omie: the solution's services come along automatically).</summary>
    public static IReadOnlyList<TicketLine> FromSolution(string solutionName, IReadOnlyList<SolutionLine> lines, Func<string> newId)
    {
        var result = new List<TicketLine>();
        foreach (var line in lines)
        {
            var error = Money.ValidateLine(line.Quantity, line.UnitPrice, line.DiscountKind, line.Discount);
            if (error is not null || string.IsNullOrWhiteSpace(line.ServiceId))
            {
                throw AppException.Validation("solutionId",
                    $"A solução \"{solutionName}\" tem um item inválido ({line.Description}): {error ?? "serviço não informado."}");
            }

            var amounts = Money.LineTotal(line.Quantity, line.UnitPrice, line.DiscountKind, line.Discount);
            result.Add(new TicketLine(
                newId(), TicketLineKind.Service, line.ServiceId, null, line.Description?.Trim() ?? "", line.CategoryId, line.CategoryName,
                line.Quantity, line.UnitPrice, line.DiscountKind, line.DiscountKind == DiscountKind.None ? 0m : line.Discount,
                amounts.Gross, amounts.Discount, amounts.Total));
        }

        return result;
    }

    /// <summary>Totals are sums of the already rounded lines, so the printed total equals the sum of the printed lines.</summary>
    public static TicketTotals Totals(IEnumerable<TicketLine> lines)
    {
        decimal services = 0, products = 0, gross = 0, discount = 0, total = 0;
        foreach (var line in lines)
        {
            gross += line.Gross;
            discount += line.DiscountAmount;
            total += line.Total;
            if (line.Kind == TicketLineKind.Product)
            {
                products += line.Total;
            }
            else
            {
                services += line.Total;
            }
        }

        return new TicketTotals(services, products, gross, discount, total);
    }

    public static void RequireRoom(int currentCount, int adding)
    {
        if (currentCount + adding > MaxLines)
        {
            throw AppException.Validation("lines", $"O ticket pode ter no máximo {MaxLines} itens.");
        }
    }

    private static string FieldOf(string moneyError, string field) =>
        moneyError.Contains("quantidade", StringComparison.Ordinal) ? field + "quantity"
        : moneyError.Contains("unitário", StringComparison.Ordinal) ? field + "unitPrice"
        : field + "discount";
}

public sealed record CategoryRef(string Id, string Name);
