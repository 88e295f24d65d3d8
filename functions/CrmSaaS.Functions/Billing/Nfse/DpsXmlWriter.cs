using System.Globalization;
using System.Text;
using System.Xml;
using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Billing.Nfse;

/// <summary>
/// Writes the unsigned DPS XML, layout 1.00 (element order and formats: see <see cref="DpsLayout"/>).
/// </summary>
/// <remarks>
/// The output is not signed. The national system only accepts a DPS signed (XMLDSig, enveloped, over infDPS) with
/// the issuing tenant's ICP-Brasil certificate; that is a later, separate step that adds ds:Signature after infDPS.
/// No indentation is written: whitespace between elements would become part of the signed content.
/// </remarks>
public static class DpsXmlWriter
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <exception cref="ArgumentException">The document is invalid; the message lists <see cref="DpsDocument.Validate"/>'s errors.</exception>
    public static string Write(DpsDocument dps) => Utf8WithoutBom.GetString(WriteUtf8(dps));

    /// <summary>The XML as UTF-8 bytes without a byte order mark, as stored and later signed.</summary>
    /// <exception cref="ArgumentException">The document is invalid; the message lists <see cref="DpsDocument.Validate"/>'s errors.</exception>
    public static byte[] WriteUtf8(DpsDocument dps)
    {
        var errors = dps.Validate();
        if (errors.Count > 0)
            throw new ArgumentException("DPS inválida: " + string.Join(" ", errors), nameof(dps));

        var settings = new XmlWriterSettings
        {
            Encoding = Utf8WithoutBom,
            Indent = false,
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("DPS", DpsLayout.Namespace);
            xml.WriteAttributeString("versao", DpsLayout.Version);
            xml.WriteStartElement("infDPS", DpsLayout.Namespace);
            xml.WriteAttributeString("Id", dps.Id);

            Element(xml, "tpAmb", ((int)dps.Environment).ToString(CultureInfo.InvariantCulture));
            Element(xml, "dhEmi", BrazilFormat.ToSaoPaulo(dps.IssuedAt).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            Element(xml, "verAplic", DpsText.Clean(dps.ApplicationVersion));
            Element(xml, "serie", dps.Series);
            Element(xml, "nDPS", dps.Number.ToString(CultureInfo.InvariantCulture));
            Element(xml, "dCompet", dps.CompetenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Element(xml, "tpEmit", "1");
            Element(xml, "cLocEmi", dps.Issuer.MunicipalityCode);
            WriteIssuer(xml, dps.Issuer);
            WriteTaker(xml, dps.Taker);
            WriteService(xml, dps.Service);
            WriteValues(xml, dps.Values, dps.Iss);

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static void WriteIssuer(XmlWriter xml, DpsIssuer issuer)
    {
        // prest carries no name or address: the national system takes them from its register of the issuer.
        xml.WriteStartElement("prest", DpsLayout.Namespace);
        TaxIdElement(xml, issuer.TaxId);
        OptionalElement(xml, "IM", issuer.MunicipalRegistration);
        OptionalElement(xml, "fone", Phone(issuer.Phone));
        OptionalElement(xml, "email", issuer.Email);
        xml.WriteStartElement("regTrib", DpsLayout.Namespace);
        Element(xml, "opSimpNac", ((int)issuer.SimplesNacional).ToString(CultureInfo.InvariantCulture));
        if (issuer.SimplesNacional == SimplesNacionalStatus.MicroOrSmallCompany)
            Element(xml, "regApTribSN", "1");
        Element(xml, "regEspTrib", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteTaker(XmlWriter xml, DpsTaker taker)
    {
        xml.WriteStartElement("toma", DpsLayout.Namespace);
        TaxIdElement(xml, taker.TaxId);
        OptionalElement(xml, "IM", taker.MunicipalRegistration);
        Element(xml, "xNome", DpsText.Clean(taker.Name));
        if (taker.Address is { } address)
        {
            xml.WriteStartElement("end", DpsLayout.Namespace);
            xml.WriteStartElement("endNac", DpsLayout.Namespace);
            Element(xml, "cMun", address.MunicipalityCode);
            Element(xml, "CEP", DpsText.DigitsOnly(address.Cep));
            xml.WriteEndElement();
            Element(xml, "xLgr", DpsText.Clean(address.Street));
            Element(xml, "nro", DpsText.Clean(address.Number));
            OptionalElement(xml, "xCpl", address.Complement);
            Element(xml, "xBairro", DpsText.Clean(address.District));
            xml.WriteEndElement();
        }
        OptionalElement(xml, "fone", Phone(taker.Phone));
        OptionalElement(xml, "email", taker.Email);
        xml.WriteEndElement();
    }

    private static void WriteService(XmlWriter xml, DpsService service)
    {
        xml.WriteStartElement("serv", DpsLayout.Namespace);
        xml.WriteStartElement("locPrest", DpsLayout.Namespace);
        Element(xml, "cLocPrestacao", service.ProvisionMunicipalityCode);
        xml.WriteEndElement();
        xml.WriteStartElement("cServ", DpsLayout.Namespace);
        Element(xml, "cTribNac", service.NationalTaxCode);
        OptionalElement(xml, "cTribMun", service.MunicipalTaxCode);
        Element(xml, "xDescServ", DpsText.Clean(service.Description, multiline: true));
        OptionalElement(xml, "cNBS", service.NbsCode);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteValues(XmlWriter xml, DpsValues values, DpsIss iss)
    {
        xml.WriteStartElement("valores", DpsLayout.Namespace);
        xml.WriteStartElement("vServPrest", DpsLayout.Namespace);
        Element(xml, "vServ", Amount(values.ServiceAmount));
        xml.WriteEndElement();
        if (values.UnconditionalDiscount > 0)
        {
            xml.WriteStartElement("vDescCondIncond", DpsLayout.Namespace);
            Element(xml, "vDescIncond", Amount(values.UnconditionalDiscount));
            xml.WriteEndElement();
        }

        xml.WriteStartElement("trib", DpsLayout.Namespace);
        xml.WriteStartElement("tribMun", DpsLayout.Namespace);
        Element(xml, "tribISSQN", "1");
        Element(xml, "pAliq", Amount(iss.RatePercent));
        Element(xml, "tpRetISSQN", iss.WithheldByTaker ? "2" : "1");
        xml.WriteEndElement();
        xml.WriteStartElement("totTrib", DpsLayout.Namespace);
        // We do not estimate the approximate tax burden (Lei 12.741/2012); indTotTrib 0 says so.
        Element(xml, "indTotTrib", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void TaxIdElement(XmlWriter xml, TaxId taxId) =>
        Element(xml, taxId.Kind == TaxIdKind.Cpf ? "CPF" : "CNPJ", taxId.Value);

    private static void Element(XmlWriter xml, string name, string value) =>
        xml.WriteElementString(name, DpsLayout.Namespace, value);

    private static void OptionalElement(XmlWriter xml, string name, string? value)
    {
        if (DpsText.Optional(value) is { } text)
            Element(xml, name, DpsText.Clean(text));
    }

    private static string? Phone(string? phone) =>
        DpsText.Optional(phone) is { } text ? DpsText.DigitsOnly(text.Trim()) : null;

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
