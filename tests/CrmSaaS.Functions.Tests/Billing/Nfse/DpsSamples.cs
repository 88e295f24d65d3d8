using System.Xml.Linq;
using CrmSaaS.Functions.Billing.Nfse;
using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Tests.Billing.Nfse;

/// <summary>A realistic invoice: an IT support company in São Paulo billing a bakery in Campinas.</summary>
internal static class DpsSamples
{
    public static readonly XNamespace Nfse = DpsLayout.Namespace;

    public static DpsDocument Invoice() => new(
        Environment: DpsEnvironment.Homologation,
        IssuedAt: new DateTimeOffset(2026, 3, 5, 17, 30, 0, TimeSpan.Zero),
        Series: "1",
        Number: 42,
        CompetenceDate: new DateOnly(2026, 3, 1),
        Issuer: new DpsIssuer(
            TaxId.Parse("11.222.333/0001-81"),
            MunicipalityCode: "3550308",
            SimplesNacional: SimplesNacionalStatus.MicroOrSmallCompany,
            MunicipalRegistration: "12345678",
            Email: "financeiro@suporte-exemplo.com.br"),
        Taker: new DpsTaker(
            TaxId.Parse("00.000.000/0001-91"),
            Name: "Padaria & Confeitaria São João Ltda.",
            Address: new DpsAddress(
                MunicipalityCode: "3509502",
                Cep: "13015-904",
                Street: "Rua Barão de Jaguara",
                Number: "1000",
                District: "Centro",
                Complement: "Sala 12"),
            Phone: "(19) 3232-1000",
            Email: "compras@padariasaojoao.com.br"),
        Service: new DpsService(
            NationalTaxCode: "010701",
            Description: "Suporte técnico mensal — contrato nº 42 <março/2026>",
            ProvisionMunicipalityCode: "3509502"),
        Values: new DpsValues(ServiceAmount: 1500.00m, UnconditionalDiscount: 150.00m),
        Iss: new DpsIss(RatePercent: 2.5m, WithheldByTaker: false));

    public static string InvoiceXml() => DpsXmlWriter.Write(Invoice());

    /// <summary>The invoice's XML after <paramref name="change"/> was applied to its infDPS element.</summary>
    public static string InvoiceXmlWith(Action<XElement> change)
    {
        var document = XDocument.Parse(InvoiceXml());
        change(document.Root!.Element(Nfse + "infDPS")!);
        return document.ToString(SaveOptions.DisableFormatting);
    }

    public static XElement Path(this XElement from, params string[] names)
    {
        var current = from;
        foreach (var name in names)
            current = current.Element(Nfse + name) ?? throw new InvalidOperationException($"No element {name}.");
        return current;
    }
}
