using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.SalesOrders;

/// <summary>What a caller wants to do with an order; each is checked against the status machine.</summary>
public enum SalesOrderAction
{
    /// <summary>Proposta → Aprovado: the customer (or staff on the customer's behalf) approves the proposal.</summary>
    Approve,

    /// <summary>Proposta or Aprovado → Pedido: staff confirm the sale.</summary>
    Confirm,

    /// <summary>→ Cancelado, only while nothing is billed.</summary>
    Cancel,

    /// <summary>Pedido / FaturadoParcial → FaturadoParcial or Faturado (the billing feature).</summary>
    Bill,

    /// <summary>Change the header or the items.</summary>
    Edit,
}

/// <summary>
/// The sales order status machine (DESIGN.md §5, oGestor: Proposta → Aprovado (APR) → Pedido, which releases
/// invoices, receivables and stock deduction) and the rules of the order's header and installments. No I/O.
/// </summary>
public static class SalesOrderRules
{
    public const int MaxProject = 200;
    public const int MaxNotes = 2000;
    public const int MaxPaymentMethod = 100;
    public const int MaxCancelReason = 500;

    public static string Label(SalesOrderStatus status) => status switch
    {
        SalesOrderStatus.Proposta => "Proposta",
        SalesOrderStatus.Aprovado => "Aprovado",
        SalesOrderStatus.Pedido => "Pedido",
        SalesOrderStatus.FaturadoParcial => "Faturado parcialmente",
        SalesOrderStatus.Faturado => "Faturado",
        SalesOrderStatus.Cancelado => "Cancelado",
        _ => status.ToString(),
    };

    /// <summary>Confirmed orders: those that release billing and the order → CRM step.</summary>
    public static bool IsConfirmed(SalesOrderStatus status) =>
        status is SalesOrderStatus.Pedido or SalesOrderStatus.FaturadoParcial or SalesOrderStatus.Faturado;

    /// <summary>The status an action leads to from <paramref name="order"/>, or the pt-BR reason it is refused.</summary>
    public static (SalesOrderStatus? Next, string? Refusal) Next(
        SalesOrder order,
        SalesOrderAction action,
        bool byCustomer = false,
        bool signedContractUploaded = false)
    {
        var status = order.Status;
        var billedAnything = order.Items.Any(i => i.BilledQuantity > 0);
        switch (action)
        {
            case SalesOrderAction.Approve:
                return status switch
                {
                    SalesOrderStatus.Proposta when order.Items.Count == 0 =>
                        (null, "A proposta não tem itens: inclua ao menos um item antes de aprovar."),
                    SalesOrderStatus.Proposta when byCustomer && order.ContractId.Length > 0 && !signedContractUploaded =>
                        (null, "Envie o contrato assinado antes de aprovar a proposta."),
                    SalesOrderStatus.Proposta => (SalesOrderStatus.Aprovado, null),
                    SalesOrderStatus.Aprovado => (null, "Esta proposta já foi aprovada."),
                    SalesOrderStatus.Cancelado => (null, "O pedido está cancelado e não pode ser aprovado."),
                    _ => (null, "O pedido já foi confirmado; não há proposta a aprovar."),
                };

            case SalesOrderAction.Confirm:
                return status switch
                {
                    SalesOrderStatus.Proposta or SalesOrderStatus.Aprovado when order.Items.Count == 0 =>
                        (null, "O pedido não tem itens: inclua ao menos um item antes de confirmar."),
                    SalesOrderStatus.Proposta or SalesOrderStatus.Aprovado => (SalesOrderStatus.Pedido, null),
                    SalesOrderStatus.Pedido => (null, "O pedido já está confirmado."),
                    SalesOrderStatus.Cancelado => (null, "O pedido está cancelado e não pode ser confirmado."),
                    _ => (null, "O pedido já foi faturado."),
                };

            case SalesOrderAction.Cancel:
                return status switch
                {
                    SalesOrderStatus.Cancelado => (null, "O pedido já está cancelado."),
                    SalesOrderStatus.FaturadoParcial or SalesOrderStatus.Faturado =>
                        (null, "Não é possível cancelar um pedido já faturado."),
                    _ when billedAnything => (null, "Não é possível cancelar um pedido com itens já faturados."),
                    _ => (SalesOrderStatus.Cancelado, null),
                };

            case SalesOrderAction.Bill:
                return status switch
                {
                    SalesOrderStatus.Pedido or SalesOrderStatus.FaturadoParcial => (StatusAfterBilling(order.Items), null),
                    SalesOrderStatus.Faturado => (null, "O pedido já foi totalmente faturado."),
                    SalesOrderStatus.Cancelado => (null, "O pedido está cancelado e não pode ser faturado."),
                    _ => (null, "Só pedidos confirmados (status Pedido) podem ser faturados: confirme o pedido antes."),
                };

            case SalesOrderAction.Edit:
                return status switch
                {
                    SalesOrderStatus.Proposta or SalesOrderStatus.Pedido or SalesOrderStatus.FaturadoParcial => (status, null),
                    SalesOrderStatus.Aprovado => (null, "A proposta já foi aprovada pelo cliente e não pode ser alterada."),
                    SalesOrderStatus.Faturado => (null, "O pedido já foi faturado e não pode ser alterado."),
                    _ => (null, "O pedido está cancelado e não pode ser alterado."),
                };

            default:
                return (null, "Operação desconhecida.");
        }
    }

    /// <summary>The next status, or an <c>invalid_state</c> problem with the pt-BR reason.</summary>
    public static SalesOrderStatus Require(SalesOrder order, SalesOrderAction action, bool byCustomer = false, bool signedContractUploaded = false)
    {
        var (next, refusal) = Next(order, action, byCustomer, signedContractUploaded);
        return next ?? throw AppException.InvalidState(refusal ?? "Operação não permitida neste status.");
    }

    /// <summary>After billing: every item fully billed → Faturado; some quantity billed → FaturadoParcial; nothing → Pedido.</summary>
    public static SalesOrderStatus StatusAfterBilling(IReadOnlyList<DocumentItem> items)
    {
        if (items.Count > 0 && items.All(i => i.BilledQuantity >= i.Quantity))
        {
            return SalesOrderStatus.Faturado;
        }

        return items.Any(i => i.BilledQuantity > 0) ? SalesOrderStatus.FaturadoParcial : SalesOrderStatus.Pedido;
    }

    /// <summary>
    /// The order's installments. Typed installments must add up to the total (<see cref="Installments.Validate"/>);
    /// otherwise they follow the payment terms from the order date ("0" = one installment on that date). An order
    /// without items yet (header first, items later) has none.
    /// </summary>
    public static (IReadOnlyList<Installment> Installments, string Terms) PlanInstallments(
        decimal total,
        DateOnly date,
        string? paymentTerms,
        IReadOnlyList<(DateOnly? DueDate, decimal? Amount)>? typed,
        Validation validation)
    {
        if (typed is { Count: > 0 })
        {
            if (typed.Any(t => t.DueDate is null || t.Amount is null))
            {
                validation.Add("installments", "Informe o vencimento e o valor de cada parcela.");
                return ([], "");
            }

            var list = typed.Select(t => (t.DueDate!.Value, t.Amount!.Value)).ToList();
            if (total <= 0)
            {
                validation.Add("installments", "Inclua itens no pedido antes de informar as parcelas.");
                return ([], "");
            }

            var errors = Installments.Validate(total, list);
            foreach (var error in errors)
            {
                validation.Add("installments", error);
            }

            return (list.Select((t, i) => new Installment(i + 1, t.Item1, t.Item2)).ToList(), "");
        }

        var text = string.IsNullOrWhiteSpace(paymentTerms) ? "0" : paymentTerms;
        if (!PaymentTerms.TryParse(text, out var terms, out var termsError))
        {
            validation.Add("paymentTerms", termsError);
            return ([], "");
        }

        if (total <= 0)
        {
            return ([], terms.ToString());
        }

        try
        {
            return (Installments.Plan(total, date, terms), terms.ToString());
        }
        catch (ArgumentException ex)
        {
            validation.Add("paymentTerms", ex.Message);
            return ([], terms.ToString());
        }
    }

    /// <summary>
    /// Installments after the items changed: terms-based ones are planned again; typed ones keep their due dates and
    /// split the new total over them.
    /// </summary>
    public static IReadOnlyList<Installment> Replan(SalesOrder order, decimal newTotal, Validation validation)
    {
        if (newTotal <= 0)
        {
            return [];
        }

        if (order.PaymentTerms.Length > 0 || order.Installments.Count == 0)
        {
            var terms = order.PaymentTerms.Length > 0 ? order.PaymentTerms : "0";
            return PlanInstallments(newTotal, order.Date, terms, null, validation).Installments;
        }

        try
        {
            return Installments.Split(newTotal, order.Installments.Select(i => i.DueDate).ToList());
        }
        catch (ArgumentException ex)
        {
            validation.Add("installments", ex.Message);
            return order.Installments;
        }
    }

    public static void CheckHeader(string? project, string? notes, string? paymentMethod, DateOnly date, DateOnly? validUntil, Validation validation)
    {
        validation.MaxLength(project, MaxProject, "project", "O projeto");
        validation.MaxLength(notes, MaxNotes, "notes", "As observações");
        validation.MaxLength(paymentMethod, MaxPaymentMethod, "paymentMethod", "A forma de pagamento");
        if (validUntil is { } valid && valid < date)
        {
            validation.Add("validUntil", "A validade da proposta não pode ser anterior à data do pedido.");
        }
    }
}
