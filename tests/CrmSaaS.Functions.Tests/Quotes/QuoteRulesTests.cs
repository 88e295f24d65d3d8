using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Quotes;
using CrmSaaS.Functions.SalesOrders;

namespace CrmSaaS.Functions.Tests.Quotes;

public sealed class QuoteRulesTests
{
    private static readonly DocumentItem Line = new()
    {
        Id = "A1B2C3D4",
        Kind = ItemKind.Service,
        Description = "Consultoria",
        Quantity = 1,
        UnitPrice = 100,
        Gross = 100,
        Total = 100,
    };

    private static Quote Open(DateOnly validUntil) => new()
    {
        Id = "q1",
        Number = 12,
        Status = QuoteStatus.Aberto,
        Date = new DateOnly(2026, 3, 1),
        ValidUntil = validUntil,
        Items = [Line],
    };

    [Fact]
    public void A_quote_expires_the_day_after_its_validity_in_brasilia()
    {
        var quote = Open(new DateOnly(2026, 3, 15));

        QuoteRules.IsExpired(quote, new DateOnly(2026, 3, 15)).ShouldBeFalse();
        QuoteRules.IsExpired(quote, new DateOnly(2026, 3, 16)).ShouldBeTrue();
        QuoteRules.Label(quote, new DateOnly(2026, 3, 16)).ShouldBe("Vencido");
        QuoteRules.Label(quote, new DateOnly(2026, 3, 10)).ShouldBe("Aberto");
    }

    [Fact]
    public void Brasilia_today_decides_expiry_late_in_the_evening()
    {
        // 16/03 01:30 UTC is still 15/03 22:30 in Brasília: a quote valid until 15/03 is not expired yet.
        var today = BrazilFormat.TodayInSaoPaulo(new DateTimeOffset(2026, 3, 16, 1, 30, 0, TimeSpan.Zero));

        QuoteRules.IsExpired(Open(new DateOnly(2026, 3, 15)), today).ShouldBeFalse();
    }

    [Fact]
    public void A_converted_quote_is_never_expired_and_cannot_change()
    {
        var converted = Open(new DateOnly(2026, 3, 15)) with { Status = QuoteStatus.Convertido, ConvertedOrderNumber = 44 };

        QuoteRules.IsExpired(converted, new DateOnly(2027, 1, 1)).ShouldBeFalse();
        QuoteRules.Label(converted, new DateOnly(2027, 1, 1)).ShouldBe("Convertido");
        QuoteRules.ChangeRefusal(converted).ShouldBe("O orçamento nº 12 já foi convertido no pedido nº 44 e não pode ser alterado.");
        QuoteRules.ConversionRefusal(converted, new DateOnly(2026, 3, 2)).ShouldBe("O orçamento nº 12 já foi convertido no pedido nº 44.");
    }

    [Fact]
    public void Conversion_needs_a_valid_quote_with_items()
    {
        var quote = Open(new DateOnly(2026, 3, 15));

        QuoteRules.ConversionRefusal(quote, new DateOnly(2026, 3, 15)).ShouldBeNull();
        QuoteRules.ConversionRefusal(quote, new DateOnly(2026, 3, 16))
            .ShouldBe("O orçamento venceu em 15/03/2026: atualize a validade antes de convertê-lo em pedido.");
        QuoteRules.ConversionRefusal(quote with { Items = [] }, new DateOnly(2026, 3, 1))
            .ShouldBe("O orçamento não tem itens: inclua ao menos um item antes de convertê-lo em pedido.");
    }

    [Fact]
    public void Validity_cannot_precede_the_quote_date()
    {
        var validation = new Validation();

        QuoteRules.CheckHeader(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 9), null, validation);

        Should.Throw<AppException>(validation.ThrowIfInvalid).Errors!["validUntil"]
            .ShouldBe(["A validade do orçamento não pode ser anterior à data do orçamento."]);
    }
}
