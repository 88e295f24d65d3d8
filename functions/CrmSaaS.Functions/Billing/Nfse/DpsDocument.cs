using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Billing.Nfse;

public enum DpsEnvironment
{
    Production = 1,
    Homologation = 2,
}

/// <summary>The issuer's standing in the Simples Nacional (opSimpNac).</summary>
public enum SimplesNacionalStatus
{
    NotOptant = 1,
    Mei = 2,
    /// <summary>Microempresa or empresa de pequeno porte; written with regApTribSN = 1 (all taxes through the Simples).</summary>
    MicroOrSmallCompany = 3,
}

/// <summary>The service provider (prestador): the tenant issuing the invoice.</summary>
/// <param name="MunicipalityCode">IBGE code (7 digits) of the municipality where the issuer is registered (cLocEmi).</param>
public sealed record DpsIssuer(
    TaxId TaxId,
    string MunicipalityCode,
    SimplesNacionalStatus SimplesNacional,
    string? MunicipalRegistration = null,
    string? Phone = null,
    string? Email = null);

/// <summary>A Brazilian address (endNac).</summary>
/// <param name="MunicipalityCode">IBGE code, 7 digits.</param>
/// <param name="Cep">8 digits, punctuation allowed ("01310-100").</param>
public sealed record DpsAddress(
    string MunicipalityCode,
    string Cep,
    string Street,
    string Number,
    string District,
    string? Complement = null);

/// <summary>The customer (tomador). Our invoices always identify the customer by CPF or CNPJ.</summary>
public sealed record DpsTaker(
    TaxId TaxId,
    string Name,
    DpsAddress? Address = null,
    string? Phone = null,
    string? Email = null,
    string? MunicipalRegistration = null);

/// <param name="NationalTaxCode">cTribNac: 6 digits, item + subitem of LC 116/2003 + national split (e.g. 010701).</param>
/// <param name="Description">Full description of the service, up to 2000 characters, line breaks allowed.</param>
/// <param name="ProvisionMunicipalityCode">IBGE code of the municipality where the service was provided.</param>
/// <param name="MunicipalTaxCode">cTribMun: the municipality's own 3-digit code, when it has one.</param>
/// <param name="NbsCode">Nomenclatura Brasileira de Serviços code, 9 digits.</param>
public sealed record DpsService(
    string NationalTaxCode,
    string Description,
    string ProvisionMunicipalityCode,
    string? MunicipalTaxCode = null,
    string? NbsCode = null);

/// <param name="ServiceAmount">vServ: the service amount in reais (centavos).</param>
/// <param name="UnconditionalDiscount">vDescIncond: discount given regardless of any condition (centavos).</param>
public sealed record DpsValues(decimal ServiceAmount, decimal UnconditionalDiscount = 0m);

/// <param name="RatePercent">ISS rate in percent, 2.00 to 5.00 (pAliq).</param>
/// <param name="WithheldByTaker">True when the customer withholds the ISS (tpRetISSQN 2), otherwise tpRetISSQN 1.</param>
public sealed record DpsIss(decimal RatePercent, bool WithheldByTaker);

/// <summary>
/// Everything the DPS XML (layout 1.00, see <see cref="DpsLayout"/>) needs for one service invoice issued by the
/// provider itself (tpEmit 1) for a service taxed by ISS in Brazil (tribISSQN 1).
/// </summary>
/// <param name="IssuedAt">dhEmi; written in Brasília time (-03:00).</param>
/// <param name="Series">1 to 5 digits, not zero.</param>
/// <param name="Number">nDPS, 1 to 15 digits, unique per issuer and series.</param>
/// <param name="CompetenceDate">dCompet: the date the service started; not after the issue date.</param>
public sealed record DpsDocument(
    DpsEnvironment Environment,
    DateTimeOffset IssuedAt,
    string Series,
    long Number,
    DateOnly CompetenceDate,
    DpsIssuer Issuer,
    DpsTaker Taker,
    DpsService Service,
    DpsValues Values,
    DpsIss Iss,
    string ApplicationVersion = "CrmSaaS 1.0")
{
    public const long MaxNumber = 999_999_999_999_999;

    /// <summary>The infDPS Id attribute, see <see cref="DpsId.Build"/>.</summary>
    public string Id => DpsId.Build(Issuer.MunicipalityCode, Issuer.TaxId, Series, Number);

    /// <summary>
    /// Checks the document against the layout's formats and our rules before any XML is written.
    /// An empty list means the document can be written; messages are in pt-BR, fit to show a user.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Add(string? error)
        {
            if (error is not null)
                errors.Add(error);
        }

        if (!Enum.IsDefined(Environment))
            errors.Add("Ambiente da DPS inválido: use produção ou homologação.");
        if (!DpsText.IsDigits(Series, 1, 5) || Series.All(c => c == '0'))
            errors.Add("A série da DPS deve ter de 1 a 5 dígitos e não pode ser zero.");
        if (Number is < 1 or > MaxNumber)
            errors.Add("O número da DPS deve estar entre 1 e 999.999.999.999.999.");
        Add(DpsText.CheckLatin1(ApplicationVersion, 1, 20, "A versão do aplicativo"));

        var issueDate = BrazilFormat.TodayInSaoPaulo(IssuedAt);
        if (CompetenceDate > issueDate)
        {
            errors.Add(
                $"A data de competência ({BrazilFormat.Date(CompetenceDate)}) não pode ser posterior à data de " +
                $"emissão ({BrazilFormat.Date(issueDate)}).");
        }

        ValidateIssuer(Add);
        ValidateTaker(Add);
        ValidateService(Add);
        ValidateValues(Add);
        return errors;
    }

    private void ValidateIssuer(Action<string?> add)
    {
        add(CheckTaxId(Issuer.TaxId, "do prestador"));
        add(CheckMunicipality(Issuer.MunicipalityCode, "do município do prestador"));
        if (!Enum.IsDefined(Issuer.SimplesNacional))
            add("Situação do prestador no Simples Nacional inválida.");
        add(DpsText.CheckOptional(Issuer.MunicipalRegistration, 1, 15, "A inscrição municipal do prestador"));
        add(CheckPhone(Issuer.Phone, "do prestador"));
        add(DpsText.CheckOptionalLatin1(Issuer.Email, 1, 80, "O e-mail do prestador"));
    }

    private void ValidateTaker(Action<string?> add)
    {
        add(CheckTaxId(Taker.TaxId, "do tomador"));
        add(DpsText.Check(Taker.Name, 1, 300, "O nome do tomador"));
        add(DpsText.CheckOptional(Taker.MunicipalRegistration, 1, 15, "A inscrição municipal do tomador"));
        add(CheckPhone(Taker.Phone, "do tomador"));
        add(DpsText.CheckOptionalLatin1(Taker.Email, 1, 80, "O e-mail do tomador"));

        if (Taker.Address is { } address)
        {
            add(CheckMunicipality(address.MunicipalityCode, "do município do endereço do tomador"));
            if (!DpsText.IsDigits(DpsText.DigitsOnly(address.Cep), 8, 8))
                add("O CEP do tomador deve ter 8 dígitos.");
            add(DpsText.CheckLatin1(address.Street, 1, 255, "O logradouro do tomador"));
            add(DpsText.CheckLatin1(address.Number, 1, 60, "O número do endereço do tomador"));
            add(DpsText.CheckOptionalLatin1(address.Complement, 1, 156, "O complemento do endereço do tomador"));
            add(DpsText.CheckLatin1(address.District, 1, 60, "O bairro do tomador"));
        }
    }

    private void ValidateService(Action<string?> add)
    {
        if (!DpsText.IsDigits(Service.NationalTaxCode, 6, 6))
            add("O código de tributação nacional (cTribNac) deve ter 6 dígitos: item, subitem e desdobro da LC 116/2003.");
        if (DpsText.Optional(Service.MunicipalTaxCode) is { } municipalCode && !DpsText.IsDigits(municipalCode, 3, 3))
            add("O código de tributação municipal deve ter 3 dígitos.");
        if (DpsText.Optional(Service.NbsCode) is { } nbs && !DpsText.IsDigits(nbs, 9, 9))
            add("O código NBS deve ter 9 dígitos.");
        add(DpsText.Check(Service.Description, 1, DpsLayout.MaxDescriptionLength, "A descrição do serviço", multiline: true));
        add(CheckMunicipality(Service.ProvisionMunicipalityCode, "do município da prestação do serviço"));
    }

    private void ValidateValues(Action<string?> add)
    {
        var amount = Values.ServiceAmount;
        if (amount <= 0)
            add("O valor do serviço deve ser maior que zero.");
        else if (amount != Money.Round(amount) || amount >= 1_000_000_000_000_000m)
            add("O valor do serviço deve estar em centavos e ter no máximo 15 dígitos inteiros.");

        var discount = Values.UnconditionalDiscount;
        if (discount < 0)
            add("O desconto incondicionado não pode ser negativo.");
        else if (discount != Money.Round(discount))
            add("O desconto incondicionado deve estar em centavos.");
        else if (discount > amount && amount > 0)
            add("O desconto incondicionado não pode ser maior que o valor do serviço.");

        var rate = Iss.RatePercent;
        if (rate < DpsLayout.MinIssRate || rate > DpsLayout.MaxIssRate || rate != Math.Round(rate, 2))
            add("A alíquota do ISS deve estar entre 2% e 5% (LC 116/2003), com até duas casas decimais.");
    }

    private static string? CheckTaxId(TaxId taxId, string whose)
    {
        if (taxId.Value.Length == 0)
            return $"Informe o CPF ou CNPJ {whose}.";
        if (taxId.IsAlphanumeric)
        {
            return $"O CNPJ alfanumérico {whose} ({taxId.Formatted}) ainda não pode ser informado: o leiaute 1.00 " +
                   "da DPS aceita apenas CNPJ numérico.";
        }
        return null;
    }

    private static string? CheckMunicipality(string code, string whose) =>
        DpsText.IsDigits(code, 7, 7) ? null : $"O código IBGE {whose} deve ter 7 dígitos.";

    private static string? CheckPhone(string? phone, string whose)
    {
        if (DpsText.Optional(phone) is null)
            return null;
        var digits = DpsText.DigitsOnly(phone!.Trim());
        return DpsText.IsDigits(digits, 6, 20) ? null : $"O telefone {whose} deve ter de 6 a 20 dígitos, com DDD.";
    }
}
