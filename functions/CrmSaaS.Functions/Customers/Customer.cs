using CrmSaaS.Functions.Common;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Customers;

/// <summary>A billing customer (Omie's "Cliente/Fornecedor"): row <c>customer|&lt;id&gt;</c>.</summary>
public sealed record Customer : StampedRecord
{
    public const string Active = "active";
    public const string Archived = "archived";

    public required string Id { get; init; }
    public required string LegalName { get; init; }
    public required string TradeName { get; init; }

    /// <summary>Normalised CPF/CNPJ (no punctuation, upper case).</summary>
    public required string TaxId { get; init; }

    /// <summary><c>cnpj</c> or <c>cpf</c>.</summary>
    public required string TaxIdKind { get; init; }

    public required string TaxIdFormatted { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Street { get; init; }
    public string? Number { get; init; }
    public string? Complement { get; init; }
    public string? District { get; init; }
    public string? City { get; init; }
    public string? State { get; init; }
    public string? PostalCode { get; init; }
    public string? CityIbgeCode { get; init; }
    public string? MunicipalRegistration { get; init; }
    public string? StateRegistration { get; init; }
    public string? Notes { get; init; }

    /// <summary><c>active</c> or <c>archived</c>.</summary>
    public required string Status { get; init; }

    public static Customer From(TableEntity row)
    {
        var taxId = row.GetString("TaxId") ?? "";
        return new Customer
        {
            Id = row.GetString("Id") ?? "",
            LegalName = row.GetString("LegalName") ?? "",
            TradeName = row.GetString("TradeName") ?? "",
            TaxId = taxId,
            TaxIdKind = row.GetString("TaxIdKind") ?? "",
            TaxIdFormatted = Common.TaxId.TryParse(taxId, out var parsed) ? parsed.Formatted : taxId,
            Email = row.GetString("Email"),
            Phone = row.GetString("Phone"),
            Street = row.GetString("Street"),
            Number = row.GetString("Number"),
            Complement = row.GetString("Complement"),
            District = row.GetString("District"),
            City = row.GetString("City"),
            State = row.GetString("State"),
            PostalCode = row.GetString("PostalCode"),
            CityIbgeCode = row.GetString("CityIbgeCode"),
            MunicipalRegistration = row.GetString("MunicipalRegistration"),
            StateRegistration = row.GetString("StateRegistration"),
            Notes = row.GetString("Notes"),
            Status = row.GetString("Status") ?? Active,
        }.WithStamps(row);
    }

    /// <summary>"CNPJ" or "CPF", as people say it.</summary>
    public static string KindLabel(TaxIdKind kind) => kind == Common.TaxIdKind.Cnpj ? "CNPJ" : "CPF";
}

/// <summary>A contact person of a customer: row <c>customer-contact|&lt;customerId&gt;|&lt;contactId&gt;</c>.</summary>
public sealed record CustomerContact : StampedRecord
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required string Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Role { get; init; }

    /// <summary>Whether the contact may log in to the customer area (set by the customer-area invitation flow).</summary>
    public bool PortalAccess { get; init; }

    public static CustomerContact From(TableEntity row) => new CustomerContact
    {
        Id = row.GetString("Id") ?? "",
        CustomerId = row.GetString("CustomerId") ?? "",
        Name = row.GetString("Name") ?? "",
        Email = row.GetString("Email"),
        Phone = row.GetString("Phone"),
        Role = row.GetString("Role"),
        PortalAccess = row.GetBoolean("PortalAccess") ?? false,
    }.WithStamps(row);
}

/// <summary>A customer's site (local, cidade, unidade ou bloco): row <c>site|&lt;customerId&gt;|&lt;siteId&gt;</c>.</summary>
public sealed record Site : StampedRecord
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required string Name { get; init; }
    public string? City { get; init; }
    public string? State { get; init; }
    public string? Address { get; init; }
    public string? Notes { get; init; }

    public static Site From(TableEntity row) => new Site
    {
        Id = row.GetString("Id") ?? "",
        CustomerId = row.GetString("CustomerId") ?? "",
        Name = row.GetString("Name") ?? "",
        City = row.GetString("City"),
        State = row.GetString("State"),
        Address = row.GetString("Address"),
        Notes = row.GetString("Notes"),
    }.WithStamps(row);
}

public sealed record CustomerRequest(
    string? LegalName,
    string? TradeName,
    string? TaxId,
    string? Email,
    string? Phone,
    string? Street,
    string? Number,
    string? Complement,
    string? District,
    string? City,
    string? State,
    string? PostalCode,
    string? CityIbgeCode,
    string? MunicipalRegistration,
    string? StateRegistration,
    string? Notes);

public sealed record CustomerContactRequest(string? Name, string? Email, string? Phone, string? Role);

public sealed record SiteRequest(string? Name, string? City, string? State, string? Address, string? Notes);
