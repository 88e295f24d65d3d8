namespace CrmSaaS.Functions.Billing.Nfse;

/// <summary>
/// Facts of the DPS (Declaração de Prestação de Serviço) layout 1.00 of the Sistema Nacional NFS-e that our writer
/// and validator rely on.
/// </summary>
/// <remarks>
/// Where the facts come from (read 2026-11; the schema package itself is not vendored here):
/// <list type="bullet">
/// <item>Element names, order and occurrence: <c>tiposComplexos_v1.00.xsd</c> of the official schema package
/// (types TCDPS, TCInfDPS, TCInfoPrestador, TCRegTrib, TCInfoPessoa, TCEndereco, TCEnderNac, TCServ, TCLocPrest,
/// TCCServ, TCInfoValores, TCVServPrest, TCVDescCondIncond, TCInfoTributacao, TCTribMunicipal, TCTribTotal),
/// as republished in github.com/akretion/nfelib, folder nfelib/nfse/schemas/v1_0, with its sample
/// nfelib/nfse/samples/v1_0/dps-simples.xml.</item>
/// <item>Value formats: <c>tiposSimples_v1.00.xsd</c> of the same package: TSIdDPS <c>DPS[0-9]{42}</c>;
/// TSDateTimeUTC <c>AAAA-MM-DDThh:mm:ssTZD</c>; TSData <c>AAAA-MM-DD</c>; TSVerAplic 1–20; TSSerieDPS 1–5;
/// TSNumDPS <c>[1-9][0-9]{0,14}</c>; TSCNPJ <c>[0-9]{14}</c>; TSCPF <c>[0-9]{11}</c>; TSInscMun 1–15;
/// TSCodMunIBGE <c>[0-9]{7}</c>; TSCEP <c>[0-9]{8}</c>; TSTelefone <c>[0-9]{6,20}</c>; TSEmail 1–80;
/// TSNomeRazaoSocial 1–300; TSLogradouro 1–255; TSNumeroEndereco 1–60; TSComplementoEndereco 1–156;
/// TSBairro 1–60; TSCodTribNac <c>[0-9]{6}</c> (item, subitem of LC 116/2003, national split);
/// TCCodTribMun <c>[0-9]{3}</c>; TSDesc2000 1–2000 (line breaks allowed); TSCodNBS <c>[0-9]{9}</c>;
/// TSDec15V2 <c>0|0\.[0-9]{2}|[1-9][0-9]{0,14}(\.[0-9]{2})?</c>; TSDec1V2 (pAliq) <c>0|[0-9](\.[0-9]{2})?</c>.
/// Fields typed TSString (address parts, e-mail, verAplic) accept only characters U+0020–U+00FF and may not start
/// or end with a space.</item>
/// <item>Id: "DPS" + código do município emissor (7) + tipo de inscrição federal (1) + inscrição federal
/// (14, CPF left-padded with zeros) + série (5) + número (15) (TSIdDPS documentation). Tipo de inscrição is
/// 1 = CPF, 2 = CNPJ: ACBr's PadraoNacional writer (github.com/frones/ACBr) and later schema drafts whose pattern
/// <c>DPS[0-9]{7}(1[0-9]{14}|2[0-9A-Z]{14})[0-9]{20}</c> only lets type 2 carry letters.</item>
/// <item>Codes: tpAmb 1 = produção, 2 = homologação; tpEmit 1 = prestador; opSimpNac 1 = não optante,
/// 2 = MEI, 3 = ME/EPP; regApTribSN 1 = tributos federais e municipal apurados pelo Simples Nacional;
/// regEspTrib 0 = nenhum; tribISSQN 1 = operação tributável; tpRetISSQN 1 = não retido, 2 = retido pelo tomador;
/// indTotTrib 0 = não informar tributos aproximados (Decreto 8.264/2014).</item>
/// <item>In 1.00 <c>pAliq</c> precedes <c>tpRetISSQN</c> inside tribMun; layout 1.01 swapped them and added the
/// IBSCBS group. We write 1.00.</item>
/// <item>ISS rate between 2% (LC 116/2003 art. 8º-A) and 5% (art. 8º, II).</item>
/// </list>
/// Layout 1.00 has no room for the alphanumeric CNPJ (TSCNPJ and TSIdDPS are digits only), so such issuers and
/// takers are refused by <see cref="DpsDocument.Validate"/> until a layout that carries them is adopted.
/// </remarks>
public static class DpsLayout
{
    public const string Namespace = "http://www.sped.fazenda.gov.br/nfse";
    public const string Version = "1.00";
    public const string SignatureNamespace = "http://www.w3.org/2000/09/xmldsig#";

    public const decimal MinIssRate = 2.00m;
    public const decimal MaxIssRate = 5.00m;
    public const int MaxDescriptionLength = 2000;
}
