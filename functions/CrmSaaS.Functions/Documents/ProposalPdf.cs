using CrmSaaS.Functions.Documents.Pdf;

namespace CrmSaaS.Functions.Documents;

/// <summary>
/// Renders the printed sales proposal: company header, customer, items with their information notes, totals,
/// payment conditions with each installment, validity, and "Página X de Y" on every page.
/// </summary>
public static class ProposalPdf
{
    private const double Margin = 40;
    private const double BottomMargin = 58;
    private const double FooterRuleOffset = 44;
    private const double FooterBaselineOffset = 32;

    private const double BodySize = 9;
    private const double SmallSize = 8.5;
    private const double MutedGray = 0.35;

    private static readonly PdfFont Regular = PdfFont.Helvetica;
    private static readonly PdfFont Bold = PdfFont.HelveticaBold;
    private static readonly PdfFont Italic = PdfFont.HelveticaOblique;

    public static byte[] Render(ProposalDocument proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var document = new PdfDocument($"Proposta nº {proposal.Number} – {proposal.Customer.Name}", proposal.GeneratedAt);
        var writer = new PdfFlowWriter(document, Margin, Margin, Margin, BottomMargin);
        writer.PageStarted = w => DrawRunningHeader(w, proposal);

        DrawHeader(writer, proposal);
        DrawCustomer(writer, proposal);
        DrawItems(writer, proposal);
        DrawTotals(writer, proposal.Totals);
        DrawPaymentConditions(writer, proposal);
        DrawValidity(writer, proposal);
        DrawNotes(writer, proposal.Notes);
        DrawFooters(document, proposal);
        return document.ToArray();
    }

    private static void DrawHeader(PdfFlowWriter writer, ProposalDocument proposal)
    {
        const double rightBlockWidth = 180;
        var page = writer.Page;
        var company = proposal.Company;
        var top = writer.Y;
        var leftWidth = writer.ContentWidth - rightBlockWidth - 12;

        var left = top;
        left = DrawLines(page, writer.Left, left, leftWidth, company.TradeName, Bold, 16, 0, PdfAlign.Left);
        left += 2;
        left = DrawLines(page, writer.Left, left, leftWidth, company.LegalName, Regular, SmallSize, MutedGray, PdfAlign.Left);
        left = DrawLines(page, writer.Left, left, leftWidth, $"CNPJ {BrazilianFormat.TaxId(company.Cnpj)}", Regular, SmallSize, MutedGray, PdfAlign.Left);
        left = DrawLines(page, writer.Left, left, leftWidth, company.Address, Regular, SmallSize, MutedGray, PdfAlign.Left);
        left = DrawLines(page, writer.Left, left, leftWidth, company.Contact, Regular, SmallSize, MutedGray, PdfAlign.Left);

        var right = top;
        right = DrawLines(page, writer.Right, right, rightBlockWidth, "Proposta Comercial", Bold, 16, 0, PdfAlign.Right);
        right += 2;
        right = DrawLines(page, writer.Right, right, rightBlockWidth, $"Proposta nº {proposal.Number}", Bold, 10.5, 0, PdfAlign.Right);
        right = DrawLines(page, writer.Right, right, rightBlockWidth, $"Versão {proposal.Version}", Regular, SmallSize, MutedGray, PdfAlign.Right);
        right = DrawLines(page, writer.Right, right, rightBlockWidth, $"Emissão: {BrazilianFormat.Date(proposal.IssueDate)}", Regular, SmallSize, MutedGray, PdfAlign.Right);
        right = DrawLines(page, writer.Right, right, rightBlockWidth, $"Validade: {BrazilianFormat.Date(proposal.ValidUntil)}", Regular, SmallSize, MutedGray, PdfAlign.Right);

        writer.MoveDown(Math.Max(left, right) - top + 8);
        writer.Rule(1.2, 0.15);
        writer.MoveDown(14);
    }

    private static void DrawCustomer(PdfFlowWriter writer, ProposalDocument proposal)
    {
        const double sellerColumn = 170;
        DrawSection(writer, "Cliente", 60);
        var page = writer.Page;
        var customer = proposal.Customer;
        var top = writer.Y;
        var leftWidth = writer.ContentWidth - sellerColumn - 12;

        var left = top;
        left = DrawLines(page, writer.Left, left, leftWidth, customer.Name, Bold, 10, 0, PdfAlign.Left);
        left = DrawLines(page, writer.Left, left, leftWidth, $"{BrazilianFormat.TaxIdLabel(customer.TaxId)}: {BrazilianFormat.TaxId(customer.TaxId)}", Regular, BodySize, 0, PdfAlign.Left);
        left = DrawLines(page, writer.Left, left, leftWidth, customer.Address, Regular, BodySize, 0, PdfAlign.Left);
        left = DrawLines(page, writer.Left, left, leftWidth, customer.Contact, Regular, BodySize, 0, PdfAlign.Left);

        var sellerX = writer.Right - sellerColumn;
        var right = top;
        right = DrawLines(page, sellerX, right, sellerColumn, "Vendedor", Bold, SmallSize, MutedGray, PdfAlign.Left);
        right = DrawLines(page, sellerX, right, sellerColumn, proposal.Salesperson, Regular, BodySize, 0, PdfAlign.Left);

        writer.MoveDown(Math.Max(left, right) - top + 14);
    }

    private static void DrawItems(PdfFlowWriter writer, ProposalDocument proposal)
    {
        DrawSection(writer, "Itens", 70);
        var money = 64.0;
        var columns = new List<PdfTableColumn>
        {
            new("Código", 48),
            new("Descrição", 134),
            new("Qtd", 38, PdfAlign.Right),
            new("Valor unit.", money, PdfAlign.Right),
            new("Desconto", 60, PdfAlign.Right),
            new("Total", money + 2, PdfAlign.Right),
        };
        columns.Add(new PdfTableColumn("Informações", writer.ContentWidth - columns.Sum(c => c.Width))
        {
            Font = Italic,
            Gray = 0.25,
        });

        var rows = proposal.Items.Select(item => (IReadOnlyList<string>)
        [
            item.Code,
            item.Description,
            BrazilianFormat.Quantity(item.Quantity),
            BrazilianFormat.Money(item.UnitPrice),
            item.Discount == 0 ? "–" : BrazilianFormat.Money(item.Discount),
            BrazilianFormat.Money(item.Total),
            item.Information ?? "",
        ]);
        writer.Table(columns, rows);
        writer.MoveDown(8);
    }

    private static void DrawTotals(PdfFlowWriter writer, ProposalTotals totals)
    {
        const double valueWidth = 90;
        var lineHeight = PdfFlowWriter.LineHeight(BodySize) + 1;
        writer.EnsureSpace(2 * lineHeight + 24);
        var valueRight = writer.Right - 4;
        var labelRight = valueRight - valueWidth;

        DrawTotalLine(writer, "Total bruto", BrazilianFormat.Money(totals.Gross), Regular, BodySize, labelRight, valueRight);
        writer.MoveDown(lineHeight);
        var discount = totals.Discount == 0 ? BrazilianFormat.Money(0) : "- " + BrazilianFormat.Money(totals.Discount);
        DrawTotalLine(writer, "Desconto", discount, Regular, BodySize, labelRight, valueRight);
        writer.MoveDown(lineHeight + 3);
        writer.Page.DrawLine(labelRight - 70, writer.Y, writer.Right, writer.Y, 0.6, 0.5);
        writer.MoveDown(5);
        DrawTotalLine(writer, "Total", BrazilianFormat.Money(totals.Total), Bold, 11, labelRight, valueRight);
        writer.MoveDown(PdfFlowWriter.LineHeight(11) + 16);
    }

    private static void DrawTotalLine(PdfFlowWriter writer, string label, string value, PdfFont font, double size, double labelRight, double valueRight)
    {
        var baseline = PdfFlowWriter.Baseline(writer.Y, size);
        writer.Page.DrawTextRight(labelRight, baseline, label, font, size, font == Bold ? 0 : MutedGray);
        writer.Page.DrawTextRight(valueRight, baseline, value, font, size);
    }

    private static void DrawPaymentConditions(PdfFlowWriter writer, ProposalDocument proposal)
    {
        DrawSection(writer, "Condições de pagamento", 60);
        if (!string.IsNullOrWhiteSpace(proposal.PaymentMethod))
        {
            writer.Paragraph($"Forma de pagamento: {proposal.PaymentMethod}", Regular, BodySize);
            writer.MoveDown(4);
        }

        if (proposal.Installments.Count == 0)
        {
            writer.Paragraph("Parcelamento não informado.", Regular, BodySize, MutedGray);
            writer.MoveDown(14);
            return;
        }

        var count = proposal.Installments.Count;
        PdfTableColumn[] columns =
        [
            new("Parcela", 60, PdfAlign.Center),
            new("Vencimento", 90, PdfAlign.Center),
            new("Valor", 100, PdfAlign.Right),
        ];
        var rows = proposal.Installments.Select(i => (IReadOnlyList<string>)
        [
            $"{i.Number}/{count}",
            BrazilianFormat.Date(i.DueDate),
            BrazilianFormat.Money(i.Amount),
        ]);
        writer.Table(columns, rows);
        writer.MoveDown(14);
    }

    private static void DrawValidity(PdfFlowWriter writer, ProposalDocument proposal)
    {
        writer.EnsureSpace(PdfFlowWriter.LineHeight(10) + 14);
        writer.Paragraph($"Validade da proposta: {BrazilianFormat.Date(proposal.ValidUntil)}", Bold, 10);
        writer.MoveDown(14);
    }

    private static void DrawNotes(PdfFlowWriter writer, string? notes)
    {
        if (string.IsNullOrWhiteSpace(notes))
            return;
        DrawSection(writer, "Observações", 30);
        writer.Paragraph(notes, Regular, BodySize);
    }

    /// <summary>Section title with a rule under it, kept on the same page as the first <paramref name="keepWith"/> points of content.</summary>
    private static void DrawSection(PdfFlowWriter writer, string title, double keepWith)
    {
        const double size = 11;
        writer.EnsureSpace(PdfFlowWriter.LineHeight(size) + 6 + keepWith);
        writer.Paragraph(title, Bold, size);
        writer.MoveDown(1);
        writer.Rule(0.6, 0.55);
        writer.MoveDown(6);
    }

    private static void DrawRunningHeader(PdfFlowWriter writer, ProposalDocument proposal)
    {
        const double size = 8;
        var baseline = PdfFlowWriter.Baseline(writer.Y, size);
        writer.Page.DrawText(writer.Left, baseline, $"Proposta nº {proposal.Number} – {proposal.Customer.Name}", Regular, size, MutedGray);
        writer.Page.DrawTextRight(writer.Right, baseline, proposal.Company.TradeName, Regular, size, MutedGray);
        writer.MoveDown(PdfFlowWriter.LineHeight(size) + 2);
        writer.Rule(0.5, 0.6);
        writer.MoveDown(10);
    }

    // Drawn once all pages exist, because "Página X de Y" needs the final page count.
    private static void DrawFooters(PdfDocument document, ProposalDocument proposal)
    {
        const double size = 7.5;
        var left = $"{proposal.Company.TradeName} – Proposta nº {proposal.Number}, versão {proposal.Version}";
        for (var i = 0; i < document.Pages.Count; i++)
        {
            var page = document.Pages[i];
            var ruleY = page.Height - FooterRuleOffset;
            var baseline = page.Height - FooterBaselineOffset;
            page.DrawLine(Margin, ruleY, page.Width - Margin, ruleY, 0.5, 0.6);
            page.DrawText(Margin, baseline, left, Regular, size, MutedGray);
            page.DrawTextRight(page.Width - Margin, baseline, $"Página {i + 1} de {document.Pages.Count}", Regular, size, MutedGray);
        }
    }

    /// <summary>Wrapped lines starting at <paramref name="top"/>; returns the y below the last line.</summary>
    private static double DrawLines(PdfPage page, double x, double top, double width, string text, PdfFont font, double size, double gray, PdfAlign align)
    {
        var y = top;
        foreach (var line in PdfText.Wrap(text, font, size, width))
        {
            var baseline = PdfFlowWriter.Baseline(y, size);
            if (align == PdfAlign.Right)
                page.DrawTextRight(x, baseline, line, font, size, gray);
            else
                page.DrawText(x, baseline, line, font, size, gray);
            y += PdfFlowWriter.LineHeight(size);
        }

        return y;
    }
}
