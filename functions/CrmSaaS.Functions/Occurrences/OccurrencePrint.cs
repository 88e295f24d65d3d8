using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Occurrences;

/// <summary>
/// The printable view of a customer's occurrences in a period (Gescor "Imprimir [F11]"): a self-contained pt-BR HTML page
/// the browser prints. Every user text is HTML-escaped (accents kept as characters).
/// </summary>
public static class OccurrencePrint
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(
        CustomerRef customer, DateOnly from, DateOnly to, IReadOnlyList<Occurrence> occurrences, DateTimeOffset printedAt, string printedBy)
    {
        var shown = occurrences.Take(OccurrenceRules.MaxPrinted).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"pt-BR\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>Ocorrências – ").Append(E(customer.DisplayName)).Append("</title>\n")
            .Append("<style>\n")
            .Append("body{font-family:Arial,Helvetica,sans-serif;font-size:12px;color:#111;margin:24px}\n")
            .Append("h1{font-size:18px;margin:0 0 4px}\n")
            .Append("table{width:100%;border-collapse:collapse;margin-top:12px}\n")
            .Append("th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}\n")
            .Append("th{background:#eee}\n")
            .Append(".description{white-space:pre-wrap}\n")
            .Append(".competitors{margin:4px 0 0;padding-left:16px;color:#333}\n")
            .Append("footer{margin-top:12px;color:#555}\n")
            .Append("@media print{body{margin:0}th{background:#eee !important;-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n")
            .Append("</style>\n</head>\n<body>\n")
            .Append("<h1>Ocorrências de relacionamento</h1>\n")
            .Append("<p>Cliente: <strong>").Append(E(customer.DisplayName)).Append("</strong>");
        if (customer.DisplayName != customer.LegalName)
        {
            html.Append(" (").Append(E(customer.LegalName)).Append(')');
        }

        if (TaxId.TryParse(customer.TaxId, out var taxId))
        {
            html.Append(" – ").Append(taxId.Kind == TaxIdKind.Cpf ? "CPF " : "CNPJ ").Append(E(taxId.Formatted));
        }

        html.Append("<br>\nPeríodo: ").Append(BrazilFormat.Date(from)).Append(" a ").Append(BrazilFormat.Date(to)).Append("</p>\n");

        if (shown.Count == 0)
        {
            html.Append("<p>Nenhuma ocorrência no período.</p>\n");
        }
        else
        {
            html.Append("<table>\n<thead><tr><th>Data</th><th>Tipo</th><th>Contato</th><th>Descrição</th><th>Autor</th></tr></thead>\n<tbody>\n");
            foreach (var occurrence in shown)
            {
                html.Append("<tr><td>").Append(BrazilFormat.Date(occurrence.Date)).Append("</td><td>")
                    .Append(E(OccurrenceType.Label(occurrence.Type))).Append("</td><td>")
                    .Append(E(occurrence.ContactName ?? "")).Append("</td><td><div class=\"description\">")
                    .Append(E(occurrence.Description)).Append("</div>");
                if (occurrence.Competitors.Count > 0)
                {
                    html.Append("<ul class=\"competitors\">");
                    foreach (var competitor in occurrence.Competitors)
                    {
                        html.Append("<li>Concorrente: <strong>").Append(E(competitor.Name)).Append("</strong>");
                        if (competitor.Notes is not null)
                        {
                            html.Append(" – ").Append(E(competitor.Notes));
                        }

                        if (competitor.Prices is not null)
                        {
                            html.Append(" (preços: ").Append(E(competitor.Prices)).Append(')');
                        }

                        html.Append("</li>");
                    }

                    html.Append("</ul>");
                }

                html.Append("</td><td>").Append(E(occurrence.AuthorName)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<footer>").Append(shown.Count).Append(shown.Count == 1 ? " ocorrência" : " ocorrências");
        if (occurrences.Count > shown.Count)
        {
            html.Append(" (relatório limitado às primeiras ").Append(OccurrenceRules.MaxPrinted).Append(": reduza o período para ver as demais)");
        }

        html.Append(". Impresso em ").Append(BrazilFormat.DateTime(printedAt)).Append(" por ").Append(E(printedBy)).Append(".</footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => Html.Encode(text);
}
