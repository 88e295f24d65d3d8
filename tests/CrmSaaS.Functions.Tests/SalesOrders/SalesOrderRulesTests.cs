using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;

namespace CrmSaaS.Functions.Tests.SalesOrders;

public sealed class SalesOrderRulesTests
{
    private static DocumentItem Item(decimal quantity = 2, decimal billed = 0, ItemKind kind = ItemKind.Service) => new()
    {
        Id = DocumentItemRules.NewItemId(),
        Kind = kind,
        Description = "Instalação",
        Quantity = quantity,
        UnitPrice = 100,
        Gross = quantity * 100,
        Total = quantity * 100,
        BilledQuantity = billed,
    };

    private static SalesOrder Order(SalesOrderStatus status, params DocumentItem[] items) => new()
    {
        Id = "o1",
        Status = status,
        Items = items.Length == 0 ? [Item()] : items,
    };

    [Theory]
    [InlineData(SalesOrderStatus.Proposta, SalesOrderAction.Approve, SalesOrderStatus.Aprovado)]
    [InlineData(SalesOrderStatus.Proposta, SalesOrderAction.Confirm, SalesOrderStatus.Pedido)]
    [InlineData(SalesOrderStatus.Aprovado, SalesOrderAction.Confirm, SalesOrderStatus.Pedido)]
    [InlineData(SalesOrderStatus.Proposta, SalesOrderAction.Cancel, SalesOrderStatus.Cancelado)]
    [InlineData(SalesOrderStatus.Aprovado, SalesOrderAction.Cancel, SalesOrderStatus.Cancelado)]
    [InlineData(SalesOrderStatus.Pedido, SalesOrderAction.Cancel, SalesOrderStatus.Cancelado)]
    [InlineData(SalesOrderStatus.Proposta, SalesOrderAction.Edit, SalesOrderStatus.Proposta)]
    [InlineData(SalesOrderStatus.Pedido, SalesOrderAction.Edit, SalesOrderStatus.Pedido)]
    [InlineData(SalesOrderStatus.FaturadoParcial, SalesOrderAction.Edit, SalesOrderStatus.FaturadoParcial)]
    public void Allowed_transitions_lead_to_the_design_status(SalesOrderStatus from, SalesOrderAction action, SalesOrderStatus expected)
    {
        var (next, refusal) = SalesOrderRules.Next(Order(from), action);

        refusal.ShouldBeNull();
        next.ShouldBe(expected);
    }

    [Theory]
    [InlineData(SalesOrderStatus.Aprovado, SalesOrderAction.Approve, "Esta proposta já foi aprovada.")]
    [InlineData(SalesOrderStatus.Pedido, SalesOrderAction.Approve, "O pedido já foi confirmado; não há proposta a aprovar.")]
    [InlineData(SalesOrderStatus.Faturado, SalesOrderAction.Approve, "O pedido já foi confirmado; não há proposta a aprovar.")]
    [InlineData(SalesOrderStatus.Cancelado, SalesOrderAction.Approve, "O pedido está cancelado e não pode ser aprovado.")]
    [InlineData(SalesOrderStatus.Pedido, SalesOrderAction.Confirm, "O pedido já está confirmado.")]
    [InlineData(SalesOrderStatus.FaturadoParcial, SalesOrderAction.Confirm, "O pedido já foi faturado.")]
    [InlineData(SalesOrderStatus.Faturado, SalesOrderAction.Confirm, "O pedido já foi faturado.")]
    [InlineData(SalesOrderStatus.Cancelado, SalesOrderAction.Confirm, "O pedido está cancelado e não pode ser confirmado.")]
    [InlineData(SalesOrderStatus.Cancelado, SalesOrderAction.Cancel, "O pedido já está cancelado.")]
    [InlineData(SalesOrderStatus.Faturado, SalesOrderAction.Cancel, "Não é possível cancelar um pedido já faturado.")]
    [InlineData(SalesOrderStatus.FaturadoParcial, SalesOrderAction.Cancel, "Não é possível cancelar um pedido já faturado.")]
    [InlineData(SalesOrderStatus.Proposta, SalesOrderAction.Bill, "Só pedidos confirmados (status Pedido) podem ser faturados: confirme o pedido antes.")]
    [InlineData(SalesOrderStatus.Aprovado, SalesOrderAction.Bill, "Só pedidos confirmados (status Pedido) podem ser faturados: confirme o pedido antes.")]
    [InlineData(SalesOrderStatus.Faturado, SalesOrderAction.Bill, "O pedido já foi totalmente faturado.")]
    [InlineData(SalesOrderStatus.Cancelado, SalesOrderAction.Bill, "O pedido está cancelado e não pode ser faturado.")]
    [InlineData(SalesOrderStatus.Aprovado, SalesOrderAction.Edit, "A proposta já foi aprovada pelo cliente e não pode ser alterada.")]
    [InlineData(SalesOrderStatus.Faturado, SalesOrderAction.Edit, "O pedido já foi faturado e não pode ser alterado.")]
    [InlineData(SalesOrderStatus.Cancelado, SalesOrderAction.Edit, "O pedido está cancelado e não pode ser alterado.")]
    public void Refused_transitions_explain_why_in_portuguese(SalesOrderStatus from, SalesOrderAction action, string refusal)
    {
        var (next, reason) = SalesOrderRules.Next(Order(from), action);

        next.ShouldBeNull();
        reason.ShouldBe(refusal);
    }

    [Fact]
    public void An_order_with_a_billed_item_cannot_be_cancelled_even_in_pedido()
    {
        var order = Order(SalesOrderStatus.Pedido, Item(quantity: 3, billed: 1));

        SalesOrderRules.Next(order, SalesOrderAction.Cancel).Refusal.ShouldBe("Não é possível cancelar um pedido com itens já faturados.");
    }

    [Fact]
    public void An_order_without_items_can_be_neither_approved_nor_confirmed()
    {
        var empty = new SalesOrder { Id = "o1", Status = SalesOrderStatus.Proposta };

        SalesOrderRules.Next(empty, SalesOrderAction.Approve).Refusal.ShouldBe("A proposta não tem itens: inclua ao menos um item antes de aprovar.");
        SalesOrderRules.Next(empty, SalesOrderAction.Confirm).Refusal.ShouldBe("O pedido não tem itens: inclua ao menos um item antes de confirmar.");
    }

    [Fact]
    public void Customer_approval_of_an_order_with_a_contract_needs_the_signed_contract()
    {
        var order = Order(SalesOrderStatus.Proposta) with { ContractId = "c1" };

        SalesOrderRules.Next(order, SalesOrderAction.Approve, byCustomer: true).Refusal.ShouldBe("Envie o contrato assinado antes de aprovar a proposta.");
        SalesOrderRules.Next(order, SalesOrderAction.Approve, byCustomer: true, signedContractUploaded: true).Next.ShouldBe(SalesOrderStatus.Aprovado);
        SalesOrderRules.Next(order, SalesOrderAction.Approve).Next.ShouldBe(SalesOrderStatus.Aprovado);
    }

    [Fact]
    public void Require_throws_invalid_state_with_the_refusal()
    {
        var ex = Should.Throw<AppException>(() => SalesOrderRules.Require(Order(SalesOrderStatus.Cancelado), SalesOrderAction.Confirm));

        ex.Status.ShouldBe(409);
        ex.Code.ShouldBe(ErrorCodes.InvalidState);
        ex.Message.ShouldBe("O pedido está cancelado e não pode ser confirmado.");
    }

    [Fact]
    public void Billing_moves_to_partial_then_to_faturado_when_every_item_is_billed()
    {
        var partly = Order(SalesOrderStatus.Pedido, Item(quantity: 3, billed: 1), Item(quantity: 2));
        SalesOrderRules.Next(partly, SalesOrderAction.Bill).Next.ShouldBe(SalesOrderStatus.FaturadoParcial);

        var fully = Order(SalesOrderStatus.FaturadoParcial, Item(quantity: 3, billed: 3), Item(quantity: 2, billed: 2));
        SalesOrderRules.Next(fully, SalesOrderAction.Bill).Next.ShouldBe(SalesOrderStatus.Faturado);

        SalesOrderRules.StatusAfterBilling([Item(quantity: 2)]).ShouldBe(SalesOrderStatus.Pedido);
    }

    [Fact]
    public void Labels_are_portuguese()
    {
        SalesOrderRules.Label(SalesOrderStatus.FaturadoParcial).ShouldBe("Faturado parcialmente");
        SalesOrderRules.Label(SalesOrderStatus.Aprovado).ShouldBe("Aprovado");
    }

    [Fact]
    public void Payment_terms_split_the_total_into_installments_from_the_order_date()
    {
        var validation = new Validation();

        var (installments, terms) = SalesOrderRules.PlanInstallments(1000m, new DateOnly(2026, 3, 10), "30/60/90", null, validation);

        validation.IsValid.ShouldBeTrue();
        terms.ShouldBe("30/60/90");
        installments.Select(i => i.DueDate).ShouldBe([new DateOnly(2026, 4, 9), new DateOnly(2026, 5, 9), new DateOnly(2026, 6, 8)]);
        installments.Select(i => i.Amount).ShouldBe([333.33m, 333.33m, 333.34m]);
    }

    [Fact]
    public void Without_terms_the_order_is_paid_on_its_date_and_without_items_it_has_no_installments()
    {
        var validation = new Validation();

        SalesOrderRules.PlanInstallments(150m, new DateOnly(2026, 3, 10), null, null, validation).Installments
            .ShouldBe([new Installment(1, new DateOnly(2026, 3, 10), 150m)]);
        SalesOrderRules.PlanInstallments(0m, new DateOnly(2026, 3, 10), "30/60", null, validation).Installments.ShouldBeEmpty();
        validation.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Typed_installments_must_add_up_to_the_total()
    {
        var validation = new Validation();

        SalesOrderRules.PlanInstallments(
            100m, new DateOnly(2026, 3, 10), null, [(new DateOnly(2026, 4, 1), 50m), (new DateOnly(2026, 5, 1), 40m)], validation);

        var error = Should.Throw<AppException>(validation.ThrowIfInvalid);
        error.Errors!["installments"].ShouldContain("A soma das parcelas (R$ 90,00) difere do valor total (R$ 100,00).");
    }

    [Fact]
    public void Invalid_payment_terms_are_a_field_error()
    {
        var validation = new Validation();

        SalesOrderRules.PlanInstallments(100m, new DateOnly(2026, 3, 10), "60/30", null, validation);

        Should.Throw<AppException>(validation.ThrowIfInvalid).Errors!.ShouldContainKey("paymentTerms");
    }

    [Fact]
    public void Replanning_keeps_typed_due_dates_and_splits_the_new_total()
    {
        var order = new SalesOrder
        {
            Id = "o1",
            Date = new DateOnly(2026, 3, 10),
            PaymentTerms = "",
            Installments = [new Installment(1, new DateOnly(2026, 4, 1), 50m), new Installment(2, new DateOnly(2026, 5, 1), 50m)],
        };
        var validation = new Validation();

        var replanned = SalesOrderRules.Replan(order, 301m, validation);

        replanned.ShouldBe([new Installment(1, new DateOnly(2026, 4, 1), 150.5m), new Installment(2, new DateOnly(2026, 5, 1), 150.5m)]);
        SalesOrderRules.Replan(order with { PaymentTerms = "0/30" }, 100m, validation).Select(i => i.DueDate)
            .ShouldBe([new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 9)]);
    }
}
