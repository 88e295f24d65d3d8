using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Customers;

/// <summary>Customer fields after validation and normalisation.</summary>
public sealed record CustomerFields(
    string LegalName,
    string TradeName,
    TaxId TaxId,
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
    string? Notes)
{
    public string SearchText => Platform.SearchText.Of(LegalName, TradeName, TaxId.Value, TaxId.Formatted, Email, City);
}

public sealed record ContactFields(string Name, string? Email, string? Phone, string? Role)
{
    public string SearchText => Platform.SearchText.Of(Name, Email, Phone, Role);
}

public sealed record SiteFields(string Name, string? City, string? State, string? Address, string? Notes)
{
    public string SearchText => Platform.SearchText.Of(Name, City, State, Address);
}

/// <summary>Validation of customers, their contacts and sites (no I/O). Throws <see cref="AppException"/> 400 with every field error.</summary>
public static class CustomerRules
{
    public static CustomerFields Validate(CustomerRequest request)
    {
        var v = new Validation();
        var legalName = FieldRules.RequiredText(v, request.LegalName, 120, "legalName", "Informe a razão social (ou o nome, para pessoa física).", "A razão social");
        var tradeName = FieldRules.Text(v, request.TradeName, 120, "tradeName", "O nome fantasia");
        var taxIdError = TaxId.Validate(request.TaxId);
        if (taxIdError is not null)
        {
            v.Add("taxId", taxIdError);
        }

        var email = FieldRules.Email(v, request.Email, "email");
        var phone = FieldRules.Phone(v, request.Phone, "phone");
        var street = FieldRules.Text(v, request.Street, 120, "street", "O logradouro");
        var number = FieldRules.Text(v, request.Number, 20, "number", "O número");
        var complement = FieldRules.Text(v, request.Complement, 60, "complement", "O complemento");
        var district = FieldRules.Text(v, request.District, 60, "district", "O bairro");
        var city = FieldRules.Text(v, request.City, 60, "city", "A cidade");
        var state = FieldRules.State(v, request.State, "state");
        var postalCode = FieldRules.PostalCode(v, request.PostalCode, "postalCode");
        var ibge = FieldRules.CityIbgeCode(v, request.CityIbgeCode, "cityIbgeCode");
        var municipal = FieldRules.Text(v, request.MunicipalRegistration, 20, "municipalRegistration", "A inscrição municipal");
        var stateRegistration = FieldRules.Text(v, request.StateRegistration, 20, "stateRegistration", "A inscrição estadual");
        var notes = FieldRules.Text(v, request.Notes, 2000, "notes", "As observações");
        v.ThrowIfInvalid();

        return new CustomerFields(
            legalName,
            tradeName ?? legalName,
            TaxId.Parse(request.TaxId),
            email,
            phone,
            street,
            number,
            complement,
            district,
            city,
            state,
            postalCode,
            ibge,
            municipal,
            stateRegistration,
            notes);
    }

    public static ContactFields Validate(CustomerContactRequest request)
    {
        var v = new Validation();
        var name = FieldRules.RequiredText(v, request.Name, 120, "name", "Informe o nome do contato.", "O nome do contato");
        var email = FieldRules.Email(v, request.Email, "email");
        var phone = FieldRules.Phone(v, request.Phone, "phone");
        var role = FieldRules.Text(v, request.Role, 60, "role", "O cargo");
        v.ThrowIfInvalid();
        return new ContactFields(name, email, phone, role);
    }

    public static SiteFields Validate(SiteRequest request)
    {
        var v = new Validation();
        var name = FieldRules.RequiredText(v, request.Name, 120, "name", "Informe o nome do site (local, unidade ou bloco).", "O nome do site");
        var city = FieldRules.Text(v, request.City, 60, "city", "A cidade");
        var state = FieldRules.State(v, request.State, "state");
        var address = FieldRules.Text(v, request.Address, 200, "address", "O endereço");
        var notes = FieldRules.Text(v, request.Notes, 2000, "notes", "As observações");
        v.ThrowIfInvalid();
        return new SiteFields(name, city, state, address, notes);
    }

    /// <summary>The pt-BR detail of a duplicate CNPJ/CPF, naming the customer that already has it.</summary>
    public static string DuplicateTaxIdDetail(TaxIdKind kind, string existingName, bool existingArchived) =>
        $"Já existe um cliente com este {Customer.KindLabel(kind)}: {existingName}" + (existingArchived ? " (arquivado)" : "");

    /// <summary>The status filter of the list: empty means every status.</summary>
    public static string? ListStatus(string? status)
    {
        var value = RecordConventions.Clean(status)?.ToLowerInvariant();
        return value switch
        {
            null => null,
            Customer.Active or Customer.Archived => value,
            _ => throw AppException.Validation("status", "Situação inválida: use \"active\" (ativo) ou \"archived\" (arquivado)."),
        };
    }
}
