using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Billing.Nfse;

/// <summary>
/// Structural check of the DPS documents WE write (layout 1.00, facts in <see cref="DpsLayout"/>), run by tests and
/// before a DPS is stored. It is not the official XSD: it knows only the subset of the layout our writer uses, so
/// elements outside that subset are reported as unexpected, and it adds our own rules (a taker is always present,
/// CPF/CNPJ check digits, ISS rate 2–5%, the Id matching the fields it is built from).
/// </summary>
/// <remarks>The signature (ds:Signature after infDPS) is only allowed, not verified: signing is a later step.</remarks>
public static partial class DpsValidator
{
    private static readonly XNamespace Nfse = DpsLayout.Namespace;
    private static readonly XNamespace Ds = DpsLayout.SignatureNamespace;

    // The part of the layout we write, in layout order. Optional elements are marked; choices list alternatives.
    private static readonly Rule[] InfDpsRules =
    [
        Leaf("tpAmb", OneOf("1", "2")),
        Leaf("dhEmi", CheckDateTime),
        Leaf("verAplic", Latin1Text(1, 20)),
        Leaf("serie", Matches(SerieRegex(), "de 1 a 5 dígitos")),
        Leaf("nDPS", Matches(NumberRegex(), "de 1 a 15 dígitos, sem zeros à esquerda")),
        Leaf("dCompet", CheckDate),
        Leaf("tpEmit", OneOf("1")),
        Leaf("cLocEmi", Matches(MunicipalityRegex(), "código IBGE de 7 dígitos")),
        Group("prest",
            Choice(Leaf("CNPJ", CheckCnpj), Leaf("CPF", CheckCpf)),
            Leaf("IM", Text(1, 15)).Optional(),
            Leaf("fone", Matches(PhoneRegex(), "de 6 a 20 dígitos")).Optional(),
            Leaf("email", Latin1Text(1, 80)).Optional(),
            Group("regTrib",
                Leaf("opSimpNac", OneOf("1", "2", "3")),
                Leaf("regApTribSN", OneOf("1", "2", "3")).Optional(),
                Leaf("regEspTrib", OneOf("0", "1", "2", "3", "4", "5", "6")))),
        // Optional in the layout; required by us because our invoices always identify the customer.
        Group("toma",
            Choice(Leaf("CNPJ", CheckCnpj), Leaf("CPF", CheckCpf)),
            Leaf("IM", Text(1, 15)).Optional(),
            Leaf("xNome", Text(1, 300)),
            Group("end",
                Group("endNac",
                    Leaf("cMun", Matches(MunicipalityRegex(), "código IBGE de 7 dígitos")),
                    Leaf("CEP", Matches(CepRegex(), "8 dígitos"))),
                Leaf("xLgr", Latin1Text(1, 255)),
                Leaf("nro", Latin1Text(1, 60)),
                Leaf("xCpl", Latin1Text(1, 156)).Optional(),
                Leaf("xBairro", Latin1Text(1, 60))).Optional(),
            Leaf("fone", Matches(PhoneRegex(), "de 6 a 20 dígitos")).Optional(),
            Leaf("email", Latin1Text(1, 80)).Optional()),
        Group("serv",
            Group("locPrest",
                Leaf("cLocPrestacao", Matches(MunicipalityRegex(), "código IBGE de 7 dígitos"))),
            Group("cServ",
                Leaf("cTribNac", Matches(TribNacRegex(), "6 dígitos")),
                Leaf("cTribMun", Matches(TribMunRegex(), "3 dígitos")).Optional(),
                Leaf("xDescServ", Text(1, DpsLayout.MaxDescriptionLength)),
                Leaf("cNBS", Matches(NbsRegex(), "9 dígitos")).Optional())),
        Group("valores",
            Group("vServPrest",
                Leaf("vServ", CheckAmount)),
            Group("vDescCondIncond",
                Leaf("vDescIncond", CheckAmount)).Optional(),
            Group("trib",
                Group("tribMun",
                    Leaf("tribISSQN", OneOf("1", "2", "3", "4")),
                    Leaf("pAliq", CheckIssRate),
                    Leaf("tpRetISSQN", OneOf("1", "2", "3"))),
                Group("totTrib",
                    Leaf("indTotTrib", OneOf("0"))))),
    ];

    /// <summary>All problems found; an empty list means the document passed. Messages are in pt-BR.</summary>
    public static IReadOnlyList<string> Validate(string xml)
    {
        var errors = new List<string>();
        XDocument document;
        try
        {
            document = Parse(xml);
        }
        catch (XmlException exception)
        {
            return [$"XML malformado: {exception.Message}"];
        }

        var root = document.Root!;
        if (root.Name != Nfse + "DPS")
            return [$"O elemento raiz deve ser DPS no namespace {DpsLayout.Namespace}."];
        if ((string?)root.Attribute("versao") != DpsLayout.Version)
            errors.Add($"O atributo versao de DPS deve ser \"{DpsLayout.Version}\".");

        var children = root.Elements().ToList();
        var infDps = children.FirstOrDefault(x => x.Name == Nfse + "infDPS");
        if (infDps is null)
        {
            errors.Add("Elemento obrigatório ausente: infDPS.");
            return errors;
        }
        foreach (var other in children.Where(x => x != infDps))
        {
            var isSignatureAfterInfDps = other.Name == Ds + "Signature" && other.IsAfter(infDps);
            if (!isSignatureAfterInfDps)
                errors.Add($"Elemento não previsto: {other.Name.LocalName} (em DPS).");
        }

        CheckSequence(infDps, "infDPS", InfDpsRules, errors);
        CheckId(infDps, errors);
        CheckConsistency(infDps, errors);
        return errors;
    }

    private static XDocument Parse(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        return XDocument.Load(reader);
    }

    /// <summary>
    /// Children must be known, appear once, follow the layout order, and include every required element.
    /// Order is judged by position in the rule list, so one misplaced element yields one message, not a cascade.
    /// </summary>
    private static void CheckSequence(XElement parent, string path, Rule[] rules, List<string> errors)
    {
        var seen = new HashSet<int>();
        var highestIndex = -1;
        XElement? highestElement = null;

        foreach (var child in parent.Elements())
        {
            var index = Array.FindIndex(rules, r => r.Names.Contains(child.Name.LocalName) && child.Name.Namespace == Nfse);
            var childPath = $"{path}/{child.Name.LocalName}";
            if (index < 0)
            {
                errors.Add($"Elemento não previsto: {childPath}.");
                continue;
            }
            if (!seen.Add(index))
            {
                errors.Add($"Elemento repetido: {childPath}.");
                continue;
            }
            if (index < highestIndex)
                errors.Add($"Elemento fora da ordem do leiaute: {childPath} deve vir antes de {path}/{highestElement!.Name.LocalName}.");
            else
                (highestIndex, highestElement) = (index, child);

            CheckContent(child, childPath, rules[index].For(child.Name.LocalName), errors);
        }

        for (var i = 0; i < rules.Length; i++)
        {
            if (rules[i].Required && !seen.Contains(i))
                errors.Add($"Elemento obrigatório ausente: {path}/{string.Join(" ou ", rules[i].Names)}.");
        }
    }

    private static void CheckContent(XElement element, string path, Rule rule, List<string> errors)
    {
        if (rule.Children is not null)
        {
            if (element.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
                errors.Add($"{path}: não deve conter texto, apenas elementos.");
            CheckSequence(element, path, rule.Children, errors);
            return;
        }
        if (element.HasElements)
        {
            errors.Add($"{path}: não deve conter elementos.");
            return;
        }
        var problem = rule.Check!(element.Value);
        if (problem is not null)
            errors.Add($"{path}: {problem}");
    }

    private static void CheckId(XElement infDps, List<string> errors)
    {
        var id = (string?)infDps.Attribute("Id");
        if (id is null)
        {
            errors.Add("Atributo obrigatório ausente: infDPS/@Id.");
            return;
        }
        if (!IdRegex().IsMatch(id))
        {
            errors.Add($"infDPS/@Id: \"{id}\" deve ter {DpsId.Length} caracteres: \"DPS\" seguido de 42 dígitos.");
            return;
        }

        void Compare(string part, string? expected, string what)
        {
            if (expected is not null && part != expected)
                errors.Add($"infDPS/@Id: {what} no Id ({part}) não confere com o documento ({expected}).");
        }

        var municipality = Value(infDps, "cLocEmi");
        Compare(id[3..10], municipality, "o código do município");

        var cnpj = Value(infDps, "prest", "CNPJ");
        var cpf = Value(infDps, "prest", "CPF");
        if (cnpj is not null || cpf is not null)
        {
            Compare(id[10..11], cpf is not null ? "1" : "2", "o tipo de inscrição (1 = CPF, 2 = CNPJ)");
            Compare(id[11..25], (cpf ?? cnpj)!.PadLeft(14, '0'), "a inscrição federal do prestador");
        }

        var series = Value(infDps, "serie");
        if (series is not null && series.Length <= 5)
            Compare(id[25..30], series.PadLeft(5, '0'), "a série");
        var number = Value(infDps, "nDPS");
        if (number is not null && number.Length <= 15)
            Compare(id[30..], number.PadLeft(15, '0'), "o número");
    }

    private static void CheckConsistency(XElement infDps, List<string> errors)
    {
        var service = ParseAmount(Value(infDps, "valores", "vServPrest", "vServ"));
        var discount = ParseAmount(Value(infDps, "valores", "vDescCondIncond", "vDescIncond"));
        if (service is not null && discount is not null && discount > service)
            errors.Add("valores: o desconto incondicionado (vDescIncond) é maior que o valor do serviço (vServ).");

        var competence = Value(infDps, "dCompet");
        var issuedAt = Value(infDps, "dhEmi");
        if (competence is not null && issuedAt is not null
            && DateOnly.TryParseExact(competence, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var competenceDate)
            && DateTimeOffset.TryParseExact(issuedAt, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issued)
            && competenceDate > DateOnly.FromDateTime(issued.DateTime))
        {
            errors.Add("dCompet: a data de competência é posterior à data de emissão (dhEmi).");
        }
    }

    private static string? Value(XElement from, params string[] path)
    {
        XElement? current = from;
        foreach (var name in path)
            current = current?.Element(Nfse + name);
        return current?.Value;
    }

    private static decimal? ParseAmount(string? value) =>
        value is not null && decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;

    private static string? CheckCnpj(string value)
    {
        if (!CnpjRegex().IsMatch(value))
            return $"CNPJ \"{value}\" deve ter 14 dígitos, sem pontuação.";
        return TaxId.Validate(value);
    }

    private static string? CheckCpf(string value)
    {
        if (!CpfRegex().IsMatch(value))
            return $"CPF \"{value}\" deve ter 11 dígitos, sem pontuação.";
        return TaxId.Validate(value);
    }

    private static string? CheckAmount(string value) =>
        AmountRegex().IsMatch(value) ? null : $"valor \"{value}\" deve ter ponto e duas casas decimais (ex.: 1500.00).";

    private static string? CheckIssRate(string value)
    {
        if (!RateRegex().IsMatch(value))
            return $"alíquota \"{value}\" deve ter o formato 0.00.";
        var rate = decimal.Parse(value, CultureInfo.InvariantCulture);
        return rate < DpsLayout.MinIssRate || rate > DpsLayout.MaxIssRate
            ? $"a alíquota do ISS deve estar entre 2.00 e 5.00 (encontrado {value})."
            : null;
    }

    private static string? CheckDateTime(string value) =>
        DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : $"data e hora \"{value}\" deve ter o formato AAAA-MM-DDThh:mm:ss-03:00.";

    private static string? CheckDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : $"data \"{value}\" deve ter o formato AAAA-MM-DD.";

    private static Func<string, string?> OneOf(params string[] allowed) => value =>
        allowed.Contains(value) ? null : $"valor \"{value}\" inválido; permitido: {string.Join(", ", allowed)}.";

    private static Func<string, string?> Matches(Regex regex, string description) => value =>
        regex.IsMatch(value) ? null : $"valor \"{value}\" inválido ({description}).";

    private static Func<string, string?> Text(int minLength, int maxLength) => value =>
    {
        if (value.Length < minLength || value.Length > maxLength)
            return $"deve ter de {minLength} a {maxLength} caracteres (tem {value.Length}).";
        return value.Trim().Length == value.Length ? null : "não pode começar nem terminar com espaço.";
    };

    /// <summary>Fields typed TSString: besides the length, only characters U+0020–U+00FF.</summary>
    private static Func<string, string?> Latin1Text(int minLength, int maxLength) => value =>
    {
        var problem = Text(minLength, maxLength)(value);
        if (problem is not null)
            return problem;
        var invalid = value.FirstOrDefault(c => c is < ' ' or > '\u00FF');
        return invalid == default ? null : $"o caractere U+{(int)invalid:X4} não é aceito neste campo.";
    };

    private static Rule Leaf(string name, Func<string, string?> check) => new([name], true, null, check);

    private static Rule Group(string name, params Rule[] children) => new([name], true, children, null);

    private static Rule Choice(params Rule[] alternatives) =>
        new([.. alternatives.Select(a => a.Names[0])], true, null, null, alternatives);

    private sealed record Rule(
        string[] Names,
        bool Required,
        Rule[]? Children,
        Func<string, string?>? Check,
        Rule[]? Alternatives = null)
    {
        public Rule Optional() => this with { Required = false };

        public Rule For(string name) => Alternatives?.First(a => a.Names[0] == name) ?? this;
    }

    [GeneratedRegex(@"^DPS[0-9]{42}\z")]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"^[0-9]{1,5}\z")]
    private static partial Regex SerieRegex();

    [GeneratedRegex(@"^[1-9][0-9]{0,14}\z")]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"^[0-9]{7}\z")]
    private static partial Regex MunicipalityRegex();

    [GeneratedRegex(@"^[0-9]{14}\z")]
    private static partial Regex CnpjRegex();

    [GeneratedRegex(@"^[0-9]{11}\z")]
    private static partial Regex CpfRegex();

    [GeneratedRegex(@"^[0-9]{6,20}\z")]
    private static partial Regex PhoneRegex();

    [GeneratedRegex(@"^[0-9]{8}\z")]
    private static partial Regex CepRegex();

    [GeneratedRegex(@"^[0-9]{6}\z")]
    private static partial Regex TribNacRegex();

    [GeneratedRegex(@"^[0-9]{3}\z")]
    private static partial Regex TribMunRegex();

    [GeneratedRegex(@"^[0-9]{9}\z")]
    private static partial Regex NbsRegex();

    // TSDec15V2 restricted to what we write: always two decimals, no leading zeros.
    [GeneratedRegex(@"^(0|[1-9][0-9]{0,14})\.[0-9]{2}\z")]
    private static partial Regex AmountRegex();

    [GeneratedRegex(@"^[0-9]\.[0-9]{2}\z")]
    private static partial Regex RateRegex();
}
