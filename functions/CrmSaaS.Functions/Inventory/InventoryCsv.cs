using System.Text;
using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Inventory;

/// <summary>
/// A customer's inventory as a CSV that Brazilian Excel opens as it is: UTF-8 with BOM (so "Descrição" keeps its
/// accents), ';' between fields (',' is the decimal separator there), CRLF line ends, dates dd/MM/aaaa.
/// </summary>
public static class InventoryCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
    [
        "Número de série", "Número de série (como digitado)", "Tipo de produto ou serviço", "Descrição", "Contrato", "Site",
        "Pedido", "Ordem de serviço", "Garantia até", "Observação", "Cadastrado em",
    ];

    public static byte[] Write(IEnumerable<InventoryItem> items)
    {
        var text = new StringBuilder();
        AppendLine(text, Header);
        foreach (var item in items)
        {
            AppendLine(text,
            [
                item.SerialNumber,
                item.SerialNumberTyped,
                item.TypeName,
                item.Description ?? "",
                InventoryRules.ContractLabel(item.ContractNumber, item.ContractTitle),
                item.SiteName,
                item.OrderNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                item.ServiceOrderNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                item.WarrantyUntil is { } warranty ? BrazilFormat.Date(warranty) : "",
                item.Notes ?? "",
                BrazilFormat.Date(BrazilFormat.TodayInSaoPaulo(item.CreatedAt)),
            ]);
        }

        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(text.ToString());
        return [.. preamble, .. body];
    }

    /// <summary>
    /// One field: quoted when it holds the separator, a quote or a line break; and a leading = + - @ is defused with an
    /// apostrophe, so a description typed as a formula is shown by Excel as text instead of being run.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>The download name, e.g. inventario-acme-ltda-2026-03-05.csv (ASCII, no spaces).</summary>
    public static string FileName(string customerName, DateOnly today)
    {
        var slug = new StringBuilder();
        foreach (var c in SearchTextSlug(customerName))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var name = slug.ToString().Trim('-');
        if (name.Length > 40)
        {
            name = name[..40].TrimEnd('-');
        }

        return $"inventario-{(name.Length == 0 ? "cliente" : name)}-{today:yyyy-MM-dd}.csv";
    }

    private static string SearchTextSlug(string value) => Platform.SearchText.Normalize(value);

    private static void AppendLine(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(';', fields.Select(Field));
        text.Append("\r\n");
    }
}
