using System.Text;
using CrmSaaS.Functions.CustomerArea;
using CrmSaaS.Functions.Proposals;
using CrmSaaS.Functions.SalesOrders;

namespace CrmSaaS.Functions.Tests.CustomerArea;

public sealed class ProposalRulesTests
{
    private static SalesOrder Order(string note = "Com suporte", int revision = 0, int tasksGenerated = 0, decimal billed = 0) => new()
    {
        Id = "01JORDER",
        Number = 1024,
        CustomerId = "c1",
        CustomerName = "Padaria",
        Date = new DateOnly(2026, 11, 23),
        ProposalRevision = revision,
        Items =
        [
            new DocumentItem
            {
                Id = "i1",
                Kind = ItemKind.Service,
                Description = "Instalação",
                Quantity = 2,
                UnitPrice = 450,
                Gross = 900,
                Total = 900,
                Note = note,
                TasksGenerated = tasksGenerated,
                BilledQuantity = billed,
            },
        ],
    };

    private static OrderAttachment File(string kind, int version, int forContract = 0) =>
        new() { OrderId = "01JORDER", Kind = kind, Version = version, ForContractVersion = forContract };

    [Fact]
    public void The_fingerprint_follows_what_the_proposal_prints_and_its_revision_only()
    {
        var order = Order();

        ProposalContent.Fingerprint(Order()).ShouldBe(ProposalContent.Fingerprint(order));
        ProposalContent.Fingerprint(Order(tasksGenerated: 2, billed: 1)).ShouldBe(ProposalContent.Fingerprint(order));
        ProposalContent.Fingerprint(Order(note: "Sem suporte")).ShouldNotBe(ProposalContent.Fingerprint(order));
        ProposalContent.Fingerprint(Order(revision: 1)).ShouldNotBe(ProposalContent.Fingerprint(order));
        ProposalContent.Fingerprint(order with { ValidUntil = new DateOnly(2026, 12, 8) }).ShouldNotBe(ProposalContent.Fingerprint(order));
    }

    [Fact]
    public void A_proposal_without_validity_prints_the_default_fifteen_days()
    {
        var document = ProposalContent.Build(Order(), 3, null, null, null);

        document.ValidUntil.ShouldBe(new DateOnly(2026, 12, 8));
        document.Version.ShouldBe(3);
        document.Items[0].Information.ShouldBe("Com suporte");
    }

    [Fact]
    public void A_signed_contract_counts_only_for_the_current_contract_version()
    {
        ProposalApproval.HasCurrentSignedContract(new Dictionary<string, OrderAttachment>()).ShouldBeTrue("nothing to sign");
        ProposalApproval.HasCurrentSignedContract(new Dictionary<string, OrderAttachment> { ["contract"] = File("contract", 1) }).ShouldBeFalse();
        ProposalApproval.HasCurrentSignedContract(new Dictionary<string, OrderAttachment>
        {
            ["contract"] = File("contract", 2),
            ["signed-contract"] = File("signed-contract", 1, forContract: 1),
        }).ShouldBeFalse("the contract changed after it was signed");
        ProposalApproval.HasCurrentSignedContract(new Dictionary<string, OrderAttachment>
        {
            ["contract"] = File("contract", 2),
            ["signed-contract"] = File("signed-contract", 2, forContract: 2),
        }).ShouldBeTrue();
    }

    [Theory]
    [InlineData("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF", true)]
    [InlineData("%PDF-1.4\n...\n%%EOF\r\n", true)]
    [InlineData("%PDF-1.4\n... truncated", false)]
    [InlineData("\x89PNG\r\n...%%EOF", false)]
    [InlineData("contrato.pdf", false)]
    [InlineData("", false)]
    public void A_pdf_is_recognised_by_its_header_and_trailer(string content, bool expected) =>
        PdfUpload.IsPdf(Encoding.Latin1.GetBytes(content)).ShouldBe(expected);

    [Fact]
    public void The_customer_sees_an_approved_proposal_as_awaiting_billing()
    {
        CustomerOrderView.Label(SalesOrderStatus.Aprovado).ShouldBe("Aguardando faturamento");
        CustomerOrderView.Label(SalesOrderStatus.Proposta).ShouldBe("Proposta");
        CustomerOrderView.Label(SalesOrderStatus.Pedido).ShouldBe("Pedido");
    }
}
