using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Receivables;
using CrmSaaS.Functions.SalesOrders;

namespace CrmSaaS.Functions.Tests.Receivables;

public sealed class ReceivableRulesTests
{
    private static readonly DateOnly IssueDate = new(2026, 11, 23);

    [Fact]
    public void Installments_follow_the_order_terms_from_the_issue_date_with_the_rounding_centavo_on_the_last()
    {
        var order = new SalesOrder { Id = "O", Date = new DateOnly(2026, 10, 1), PaymentTerms = "30/60/90" };

        var plan = ReceivableRules.Plan(100m, IssueDate, order);

        plan.Select(i => i.Amount).ShouldBe([33.33m, 33.33m, 33.34m]);
        plan.Select(i => i.DueDate).ShouldBe([IssueDate.AddDays(30), IssueDate.AddDays(60), IssueDate.AddDays(90)]);
        plan.Sum(i => i.Amount).ShouldBe(100m);
    }

    [Fact]
    public void Typed_installments_keep_their_distance_from_the_order_date()
    {
        var orderDate = new DateOnly(2026, 10, 1);
        var order = new SalesOrder
        {
            Id = "O", Date = orderDate,
            Installments = [new Installment(1, orderDate.AddDays(10), 50m), new Installment(2, orderDate.AddDays(40), 50m)],
        };

        ReceivableRules.Plan(10m, IssueDate, order).Select(i => (i.DueDate, i.Amount)).ShouldBe([(IssueDate.AddDays(10), 5m), (IssueDate.AddDays(40), 5m)]);
    }

    [Fact]
    public void An_order_without_terms_is_due_on_the_issue_date()
    {
        ReceivableRules.Plan(10.01m, IssueDate, new SalesOrder { Id = "O" }).ShouldHaveSingleItem().ShouldBe(new Installment(1, IssueDate, 10.01m));
    }

    [Fact]
    public void A_payment_needs_a_past_date_and_a_positive_amount_and_an_open_receivable()
    {
        var open = new Receivable { Id = "R", Amount = 10m, DueDate = IssueDate };

        Should.Throw<AppException>(() => ReceivableRules.CheckPayment(open, IssueDate.AddDays(1), 10m, IssueDate)).Code.ShouldBe(ErrorCodes.Validation);
        Should.Throw<AppException>(() => ReceivableRules.CheckPayment(open, IssueDate, 0m, IssueDate)).Code.ShouldBe(ErrorCodes.Validation);
        Should.Throw<AppException>(() => ReceivableRules.CheckPayment(open with { Status = ReceivableStatus.Paid }, IssueDate, 10m, IssueDate))
            .Code.ShouldBe(ErrorCodes.InvalidState);
        Should.NotThrow(() => ReceivableRules.CheckPayment(open, IssueDate, 9.99m, IssueDate));
    }

    [Fact]
    public void Overdue_means_open_and_due_before_today()
    {
        var receivable = new Receivable { Id = "R", DueDate = IssueDate.AddDays(-1) };

        receivable.IsOverdue(IssueDate).ShouldBeTrue();
        receivable.IsOverdue(IssueDate.AddDays(-1)).ShouldBeFalse();
        (receivable with { Status = ReceivableStatus.Paid }).IsOverdue(IssueDate).ShouldBeFalse();
    }
}
