using System.Text.Json.Serialization;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Accounts;

/// <summary>A CRM account (Omie's "Conta"): row <c>account|&lt;id&gt;</c>; <see cref="CustomerId"/> is the customer that bills it.</summary>
public sealed record Account : StampedRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? TaxId { get; init; }
    public string? TaxIdKind { get; init; }
    public string? TaxIdFormatted { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Website { get; init; }
    public string? City { get; init; }
    public string? State { get; init; }
    public string? Notes { get; init; }
    public string? CustomerId { get; init; }

    /// <summary>The linked customer, on the single-account answer only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LinkedCustomer? Customer { get; init; }

    /// <summary>The first page of contacts, on the single-account answer only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AccountContact>? Contacts { get; init; }

    /// <summary>Continues <see cref="Contacts"/> through <c>GET /api/accounts/{id}/contacts</c> when there are more.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContactsContinuation { get; init; }

    public static Account From(TableEntity row)
    {
        var taxId = row.GetString("TaxId");
        return new Account
        {
            Id = row.GetString("Id") ?? "",
            Name = row.GetString("Name") ?? "",
            TaxId = taxId,
            TaxIdKind = row.GetString("TaxIdKind"),
            TaxIdFormatted = Common.TaxId.TryParse(taxId, out var parsed) ? parsed.Formatted : taxId,
            Email = row.GetString("Email"),
            Phone = row.GetString("Phone"),
            Website = row.GetString("Website"),
            City = row.GetString("City"),
            State = row.GetString("State"),
            Notes = row.GetString("Notes"),
            CustomerId = row.GetString("CustomerId"),
        }.WithStamps(row);
    }
}

public sealed record LinkedCustomer(string Id, string LegalName, string TradeName, string TaxId, string TaxIdFormatted, string Status)
{
    public static LinkedCustomer From(Customer customer) =>
        new(customer.Id, customer.LegalName, customer.TradeName, customer.TaxId, customer.TaxIdFormatted, customer.Status);
}

/// <summary>A contact of an account: row <c>contact|&lt;accountId&gt;|&lt;contactId&gt;</c>.</summary>
public sealed record AccountContact : StampedRecord
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Position { get; init; }

    public static AccountContact From(TableEntity row) => new AccountContact
    {
        Id = row.GetString("Id") ?? "",
        AccountId = row.GetString("AccountId") ?? "",
        Name = row.GetString("Name") ?? "",
        Email = row.GetString("Email"),
        Phone = row.GetString("Phone"),
        Position = row.GetString("Position"),
    }.WithStamps(row);
}

public sealed record AccountRequest(
    string? Name,
    string? TaxId,
    string? Email,
    string? Phone,
    string? Website,
    string? City,
    string? State,
    string? Notes,
    string? CustomerId);

public sealed record LinkCustomerRequest(string? CustomerId);

public sealed record AccountContactRequest(string? Name, string? Email, string? Phone, string? Position);

public sealed record AccountFields(
    string Name,
    TaxId? TaxId,
    string? Email,
    string? Phone,
    string? Website,
    string? City,
    string? State,
    string? Notes,
    string? CustomerId)
{
    public string SearchText => Platform.SearchText.Of(Name, TaxId?.Value, TaxId?.Formatted, Email, City);
}

public sealed record AccountContactFields(string Name, string? Email, string? Phone, string? Position)
{
    public string SearchText => Platform.SearchText.Of(Name, Email, Phone, Position);
}

/// <summary>Validation of accounts and their contacts (no I/O).</summary>
public static class AccountRules
{
    public static AccountFields Validate(AccountRequest request)
    {
        var v = new Validation();
        var name = FieldRules.RequiredText(v, request.Name, 120, "name", "Informe o nome da conta.", "O nome da conta");
        TaxId? taxId = null;
        if (RecordConventions.Clean(request.TaxId) is { } rawTaxId)
        {
            // Optional on an account, but when present it must be a real CPF/CNPJ: it is what matches the billing customer.
            var error = Common.TaxId.Validate(rawTaxId);
            if (error is null)
            {
                taxId = Common.TaxId.Parse(rawTaxId);
            }
            else
            {
                v.Add("taxId", error);
            }
        }

        var email = FieldRules.Email(v, request.Email, "email");
        var phone = FieldRules.Phone(v, request.Phone, "phone");
        var website = FieldRules.Text(v, request.Website, 200, "website", "O site");
        var city = FieldRules.Text(v, request.City, 60, "city", "A cidade");
        var state = FieldRules.State(v, request.State, "state");
        var notes = FieldRules.Text(v, request.Notes, 2000, "notes", "As observações");
        var customerId = RecordConventions.Clean(request.CustomerId);
        v.ThrowIfInvalid();
        return new AccountFields(name, taxId, email, phone, website, city, state, notes, customerId);
    }

    public static AccountContactFields Validate(AccountContactRequest request)
    {
        var v = new Validation();
        var name = FieldRules.RequiredText(v, request.Name, 120, "name", "Informe o nome do contato.", "O nome do contato");
        var email = FieldRules.Email(v, request.Email, "email");
        var phone = FieldRules.Phone(v, request.Phone, "phone");
        var position = FieldRules.Text(v, request.Position, 60, "position", "O cargo");
        v.ThrowIfInvalid();
        return new AccountContactFields(name, email, phone, position);
    }
}
