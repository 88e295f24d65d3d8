using System.Text;
using CrmSaaS.Functions.Inventory;

namespace CrmSaaS.Functions.Tests.Inventory;

public sealed class InventoryCsvTests
{
    [Fact]
    public void Export_is_utf8_with_bom_semicolons_crlf_and_portuguese_headers()
    {
        var bytes = InventoryCsv.Write([Item("AB1", "Impressora térmica", new DateOnly(2027, 3, 5))]);

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        lines[0].ShouldBe("Número de série;Número de série (como digitado);Tipo de produto ou serviço;Descrição;Contrato;Site;Pedido;Ordem de serviço;Garantia até;Observação;Cadastrado em");
        lines[1].ShouldBe("AB1;ab 1;Impressora;Impressora térmica;nº 12 – Locação;Matriz;1024;;05/03/2027;;10/01/2026");
        lines[2].ShouldBe("");
        lines.Length.ShouldBe(3);
    }

    [Fact]
    public void Fields_with_separator_quotes_or_line_breaks_are_quoted()
    {
        InventoryCsv.Field("a;b").ShouldBe("\"a;b\"");
        InventoryCsv.Field("diz \"oi\"").ShouldBe("\"diz \"\"oi\"\"\"");
        InventoryCsv.Field("linha 1\nlinha 2").ShouldBe("\"linha 1\nlinha 2\"");
        InventoryCsv.Field("simples, com vírgula").ShouldBe("simples, com vírgula");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+55 11", "'+55 11")]
    [InlineData("@soma", "'@soma")]
    [InlineData("-1", "'-1")]
    public void Fields_that_excel_would_run_as_formulas_are_kept_as_text(string value, string expected) =>
        InventoryCsv.Field(value).ShouldBe(expected);

    [Fact]
    public void File_name_is_ascii_from_the_customer_name_and_date() =>
        InventoryCsv.FileName("Padaria Conceição & Filhos Ltda.", new DateOnly(2026, 3, 5))
            .ShouldBe("inventario-padaria-conceicao-filhos-ltda-2026-03-05.csv");

    private static InventoryItem Item(string serial, string description, DateOnly warranty) => new()
    {
        Id = "i1",
        SerialNumber = serial,
        SerialNumberTyped = "ab 1",
        CustomerId = "c1",
        CustomerName = "Alfa",
        ContractId = "k1",
        ContractNumber = 12,
        ContractTitle = "Locação",
        SiteId = "s1",
        SiteName = "Matriz",
        TypeId = "t1",
        TypeName = "Impressora",
        Description = description,
        OrderNumber = 1024,
        WarrantyUntil = warranty,
        // 01:30 UTC on 11/01 is still 10/01 in Brasília.
        CreatedAt = new DateTimeOffset(2026, 1, 11, 1, 30, 0, TimeSpan.Zero),
    };
}
