using CrmSaaS.Functions.Customers;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Catalogue;

/// <summary>A service sold and billed with NFS-e: row <c>service|&lt;id&gt;</c>, code index <c>service-code|&lt;CODE&gt;</c>.</summary>
public sealed record Service : StampedRecord
{
    public required string Id { get; init; }
    public required string Code { get; init; }
    public required string Description { get; init; }
    public decimal UnitPrice { get; init; }
    public string? CategoryId { get; init; }

    /// <summary>The category's name when the service was last saved.</summary>
    public string? CategoryName { get; init; }

    /// <summary>Item of the municipal list of services (LC 116/2003), e.g. "01.07".</summary>
    public required string MunicipalServiceCode { get; init; }

    /// <summary>National taxation code of the NFS-e (cTribNac), 6 digits.</summary>
    public string? NationalTaxCode { get; init; }

    /// <summary>ISS rate in percent (2 to 5).</summary>
    public decimal IssRate { get; init; }

    public bool Active { get; init; }

    public static Service From(TableEntity row) => new Service
    {
        Id = row.GetString("Id") ?? "",
        Code = row.GetString("Code") ?? "",
        Description = row.GetString("Description") ?? "",
        UnitPrice = row.GetDecimal("UnitPrice") ?? 0m,
        CategoryId = row.GetString("CategoryId"),
        CategoryName = row.GetString("CategoryName"),
        MunicipalServiceCode = row.GetString("MunicipalServiceCode") ?? "",
        NationalTaxCode = row.GetString("NationalTaxCode"),
        IssRate = row.GetDecimal("IssRate") ?? 0m,
        Active = row.GetBoolean("Active") ?? true,
    }.WithStamps(row);
}

/// <summary>A product with its stock: row <c>product|&lt;id&gt;</c>, code index <c>product-code|&lt;CODE&gt;</c>.</summary>
public sealed record Product : StampedRecord
{
    public required string Id { get; init; }
    public required string Code { get; init; }
    public required string Description { get; init; }
    public decimal Price { get; init; }
    public decimal Stock { get; init; }
    public required string Unit { get; init; }
    public bool Active { get; init; }

    public static Product From(TableEntity row) => new Product
    {
        Id = row.GetString("Id") ?? "",
        Code = row.GetString("Code") ?? "",
        Description = row.GetString("Description") ?? "",
        Price = row.GetDecimal("Price") ?? 0m,
        Stock = row.GetDecimal("Stock") ?? 0m,
        Unit = row.GetString("Unit") ?? "UN",
        Active = row.GetBoolean("Active") ?? true,
    }.WithStamps(row);
}

/// <summary>A category (e.g. "Serviços de instalação"): row <c>category|&lt;id&gt;</c>.</summary>
public sealed record Category : StampedRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    public static Category From(TableEntity row) => new Category
    {
        Id = row.GetString("Id") ?? "",
        Name = row.GetString("Name") ?? "",
    }.WithStamps(row);
}

/// <summary>A product or service type (Citrus.cx "Tipo de Produto ou Serviço"): row <c>pstype|&lt;id&gt;</c>.</summary>
public sealed record ProductServiceType : StampedRecord
{
    public const string ProductKind = "product";
    public const string ServiceKind = "service";

    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary><c>product</c> or <c>service</c>.</summary>
    public required string Kind { get; init; }

    public static ProductServiceType From(TableEntity row) => new ProductServiceType
    {
        Id = row.GetString("Id") ?? "",
        Name = row.GetString("Name") ?? "",
        Kind = row.GetString("Kind") ?? ServiceKind,
    }.WithStamps(row);
}

public sealed record ServiceRequest(
    string? Code,
    string? Description,
    decimal? UnitPrice,
    string? CategoryId,
    string? MunicipalServiceCode,
    string? NationalTaxCode,
    decimal? IssRate,
    bool? Active);

public sealed record ProductRequest(string? Code, string? Description, decimal? Price, decimal? Stock, string? Unit, bool? Active);

public sealed record CategoryRequest(string? Name);

public sealed record ProductServiceTypeRequest(string? Name, string? Kind);
