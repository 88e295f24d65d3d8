using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Catalogue;

public sealed record ServiceFields(
    string Code,
    string Description,
    decimal UnitPrice,
    string? CategoryId,
    string MunicipalServiceCode,
    string? NationalTaxCode,
    decimal IssRate,
    bool? Active)
{
    public string SearchText => Platform.SearchText.Of(Code, Description, MunicipalServiceCode);
}

public sealed record ProductFields(string Code, string Description, decimal Price, decimal Stock, string Unit, bool? Active)
{
    public string SearchText => Platform.SearchText.Of(Code, Description);
}

/// <summary>Validation of catalogue records (no I/O), with pt-BR messages.</summary>
public static class CatalogueRules
{
    /// <summary>
    /// ISS bounds: at least 2 % (LC 116/2003, art. 8º-A, added by LC 157/2016) and at most 5 % (LC 116/2003, art. 8º, II).
    /// </summary>
    public const decimal MinIssRate = 2m;
    public const decimal MaxIssRate = 5m;

    public const int MaxCodeLength = 30;

    public static ServiceFields Validate(ServiceRequest request)
    {
        var v = new Validation();
        var code = Code(v, request.Code, "Informe o código do serviço.");
        var description = FieldRules.RequiredText(v, request.Description, 200, "description", "Informe a descrição do serviço.", "A descrição");
        var price = Money(v, request.UnitPrice, "unitPrice", "Informe o preço unitário do serviço.", "O preço unitário não pode ser negativo.");
        var categoryId = RecordConventions.Clean(request.CategoryId);
        var municipalCode = FieldRules.RequiredText(v, request.MunicipalServiceCode, 20, "municipalServiceCode",
            "Informe o código do serviço municipal (item da lista da LC 116/2003, ex.: 01.07).", "O código do serviço municipal");
        var nationalCode = RecordConventions.Clean(request.NationalTaxCode);
        v.Check(nationalCode is null || (nationalCode.Length == 6 && nationalCode.All(char.IsAsciiDigit)),
            "nationalTaxCode", "O código de tributação nacional (cTribNac) deve ter 6 dígitos.");
        var issRate = IssRate(v, request.IssRate);
        v.ThrowIfInvalid();
        return new ServiceFields(code, description, price, categoryId, municipalCode, nationalCode, issRate, request.Active);
    }

    public static ProductFields Validate(ProductRequest request)
    {
        var v = new Validation();
        var code = Code(v, request.Code, "Informe o código do produto.");
        var description = FieldRules.RequiredText(v, request.Description, 200, "description", "Informe a descrição do produto.", "A descrição");
        var price = Money(v, request.Price, "price", "Informe o preço do produto.", "O preço não pode ser negativo.");
        var stock = request.Stock ?? 0m;
        v.NotNegative(stock, "stock", "O estoque não pode ser negativo.");
        var unit = (RecordConventions.Clean(request.Unit) ?? "UN").ToUpperInvariant();
        v.MaxLength(unit, 6, "unit", "A unidade");
        v.ThrowIfInvalid();
        return new ProductFields(code, description, price, stock, unit, request.Active);
    }

    public static string Validate(CategoryRequest request)
    {
        var v = new Validation();
        var name = FieldRules.RequiredText(v, request.Name, 80, "name", "Informe o nome da categoria.", "O nome da categoria");
        v.ThrowIfInvalid();
        return name;
    }

    public static (string Name, string Kind) Validate(ProductServiceTypeRequest request)
    {
        var v = new Validation();
        var name = FieldRules.RequiredText(v, request.Name, 80, "name", "Informe o nome do tipo de produto ou serviço.", "O nome");
        var kind = RecordConventions.Clean(request.Kind)?.ToLowerInvariant();
        v.Check(kind is ProductServiceType.ProductKind or ProductServiceType.ServiceKind,
            "kind", "Informe se o tipo é de produto (\"product\") ou de serviço (\"service\").");
        v.ThrowIfInvalid();
        return (name, kind!);
    }

    public static decimal IssRate(Validation v, decimal? rate)
    {
        if (rate is null)
        {
            v.Add("issRate", "Informe a alíquota de ISS (entre 2% e 5%).");
            return 0m;
        }

        v.Check(rate.Value is >= MinIssRate and <= MaxIssRate, "issRate", "A alíquota de ISS deve estar entre 2% e 5% (LC 116/2003).");
        return rate.Value;
    }

    /// <summary>Codes become index keys: upper case, and only characters that are safe in a row key.</summary>
    public static string IndexCode(string code) => code.ToUpperInvariant();

    /// <summary>The <c>?active=</c> filter: empty means both.</summary>
    public static bool? ActiveFilter(string? active) => RecordConventions.Clean(active)?.ToLowerInvariant() switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw AppException.Validation("active", "Filtro inválido: use active=true ou active=false."),
    };

    private static string Code(Validation v, string? value, string requiredMessage)
    {
        var code = RecordConventions.Clean(value);
        if (code is null)
        {
            v.Add("code", requiredMessage);
            return "";
        }

        v.Check(code.Length <= MaxCodeLength, "code", $"O código deve ter no máximo {MaxCodeLength} caracteres.");
        v.Check(code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'), "code",
            "O código deve ter apenas letras sem acento, números, ponto, hífen ou sublinhado.");
        return code;
    }

    private static decimal Money(Validation v, decimal? value, string field, string requiredMessage, string negativeMessage)
    {
        if (value is null)
        {
            v.Add(field, requiredMessage);
            return 0m;
        }

        v.NotNegative(value.Value, field, negativeMessage);
        return value.Value;
    }
}
