using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Tests.Common;

public class InstallmentsTests
{
    private static readonly DateOnly March5 = new(2026, 3, 5);

    [Fact]
    public void Last_installment_takes_the_rounding_centavo()
    {
        var installments = Installments.Split(100m, [March5, March5.AddDays(30), March5.AddDays(60)]);

        installments.Select(x => x.Amount).ShouldBe([33.33m, 33.33m, 33.34m]);
        installments.Select(x => x.Number).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void Last_installment_can_also_be_the_smaller_one()
    {
        // 100,01 / 3 = 33,3366… → 33,34; the last gets 100,01 - 66,68 = 33,33.
        var installments = Installments.Split(100.01m, [March5, March5.AddDays(30), March5.AddDays(60)]);

        installments.Select(x => x.Amount).ShouldBe([33.34m, 33.34m, 33.33m]);
    }

    [Fact]
    public void Single_installment_is_the_whole_total()
    {
        Installments.Split(1234.56m, [March5]).ShouldBe([new Installment(1, March5, 1234.56m)]);
    }

    [Fact]
    public void Installments_always_add_up_to_the_total()
    {
        var random = new Random(7);
        for (var run = 0; run < 1000; run++)
        {
            var count = random.Next(1, 25);
            var total = Money.Round(count * 0.01m + (decimal)random.NextDouble() * 50_000m);
            var dates = Enumerable.Range(0, count).Select(i => March5.AddDays(30 * i)).ToList();

            var installments = Installments.Split(total, dates);

            installments.Sum(x => x.Amount).ShouldBe(total, $"total {total} in {count}");
            installments.ShouldAllBe(x => x.Amount > 0);
            installments.Take(count - 1).Select(x => x.Amount).Distinct().Count().ShouldBeLessThanOrEqualTo(1);
        }
    }

    [Fact]
    public void Plan_spaces_due_dates_by_the_interval()
    {
        var installments = Installments.Plan(300m, March5, count: 3, intervalDays: 30);

        installments.Select(x => BrazilFormat.Date(x.DueDate)).ShouldBe(["05/03/2026", "04/04/2026", "04/05/2026"]);
        installments.Select(x => x.Amount).ShouldBe([100m, 100m, 100m]);
    }

    [Fact]
    public void Monthly_plan_keeps_the_day_and_falls_back_to_the_end_of_short_months()
    {
        var installments = Installments.PlanMonthly(90m, new DateOnly(2026, 1, 31), count: 4);

        installments.Select(x => BrazilFormat.Date(x.DueDate))
            .ShouldBe(["31/01/2026", "28/02/2026", "31/03/2026", "30/04/2026"]);
    }

    [Fact]
    public void Plan_follows_30_60_90_terms_from_the_base_date()
    {
        var installments = Installments.Plan(1000m, March5, PaymentTerms.Parse("30/60/90"));

        installments.Select(x => BrazilFormat.Date(x.DueDate)).ShouldBe(["04/04/2026", "04/05/2026", "03/06/2026"]);
        installments.Select(x => x.Amount).ShouldBe([333.33m, 333.33m, 333.34m]);
    }

    [Theory]
    [InlineData("0", "O valor total deve ser maior que zero.")]
    [InlineData("-10", "O valor total deve ser maior que zero.")]
    [InlineData("10.005", "O valor total deve ter no máximo duas casas decimais.")]
    public void Invalid_total_is_refused(string total, string message)
    {
        var exception = Should.Throw<ArgumentException>(() =>
            Installments.Split(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), [March5]));

        exception.Message.ShouldBe(message);
    }

    [Fact]
    public void Due_dates_out_of_order_are_refused()
    {
        var exception = Should.Throw<ArgumentException>(() =>
            Installments.Split(100m, [March5.AddDays(30), March5]));

        exception.Message.ShouldBe("As datas de vencimento devem estar em ordem crescente, sem datas repetidas.");
    }

    [Fact]
    public void Repeated_due_date_is_refused()
    {
        Should.Throw<ArgumentException>(() => Installments.Split(100m, [March5, March5]));
    }

    [Fact]
    public void No_due_date_is_refused()
    {
        Should.Throw<ArgumentException>(() => Installments.Split(100m, []))
            .Message.ShouldBe("Informe ao menos uma parcela.");
    }

    [Fact]
    public void Too_many_installments_are_refused()
    {
        Should.Throw<ArgumentException>(() => Installments.Plan(10_000m, March5, count: 121, intervalDays: 30))
            .Message.ShouldBe("O número máximo de parcelas é 120.");
    }

    [Fact]
    public void Zero_interval_is_refused()
    {
        Should.Throw<ArgumentException>(() => Installments.Plan(100m, March5, count: 2, intervalDays: 0))
            .Message.ShouldBe("O intervalo entre parcelas deve ser de pelo menos 1 dia.");
    }

    [Fact]
    public void Total_too_small_for_the_number_of_installments_is_refused()
    {
        // 0,18 / 12 = 0,015 → 0,02 each; eleven of them already exceed the total.
        var exception = Should.Throw<ArgumentException>(() => Installments.Plan(0.18m, March5, count: 12, intervalDays: 30));

        exception.Message.ShouldBe("O valor total (R$ 0,18) é pequeno demais para 12 parcelas.");
    }

    [Fact]
    public void Validate_accepts_a_consistent_schedule()
    {
        Installments.Validate(100m, [(March5, 50m), (March5.AddDays(30), 50m)]).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_reports_amounts_that_do_not_add_up()
    {
        var errors = Installments.Validate(100m, [(March5, 50m), (March5.AddDays(30), 49.99m)]);

        errors.ShouldBe(["A soma das parcelas (R$ 99,99) difere do valor total (R$ 100,00)."]);
    }

    [Fact]
    public void Validate_reports_dates_out_of_order()
    {
        var errors = Installments.Validate(100m, [(new DateOnly(2026, 3, 10), 50m), (March5, 50m)]);

        errors.ShouldBe(["A parcela 2 vence em 05/03/2026, que não é posterior ao vencimento da parcela 1 (10/03/2026)."]);
    }

    [Fact]
    public void Validate_reports_non_positive_and_sub_centavo_amounts()
    {
        var errors = Installments.Validate(
            100m, [(March5, 0m), (March5.AddDays(30), 99.995m), (March5.AddDays(60), 0.005m)]);

        errors.ShouldContain("A parcela 1 deve ter valor maior que zero.");
        errors.ShouldContain("O valor da parcela 2 deve ter no máximo duas casas decimais.");
        errors.ShouldContain("O valor da parcela 3 deve ter no máximo duas casas decimais.");
    }

    [Fact]
    public void Validate_reports_an_empty_schedule()
    {
        Installments.Validate(100m, []).ShouldBe(["Informe ao menos uma parcela."]);
    }
}
