using CrmSaaS.Functions.Common;

namespace CrmSaaS.Functions.Tests.Common;

public class BrazilFormatTests
{
    [Fact]
    public void Date_is_day_month_year()
    {
        BrazilFormat.Date(new DateOnly(2026, 3, 5)).ShouldBe("05/03/2026");
    }

    [Fact]
    public void Date_time_is_shown_in_brasilia_time()
    {
        BrazilFormat.DateTime(new DateTimeOffset(2026, 3, 5, 17, 30, 0, TimeSpan.Zero)).ShouldBe("05/03/2026 14:30");
    }

    [Fact]
    public void Late_utc_evening_is_still_the_previous_day_in_brazil()
    {
        var instant = new DateTimeOffset(2026, 3, 6, 2, 0, 0, TimeSpan.Zero);

        BrazilFormat.DateTime(instant).ShouldBe("05/03/2026 23:00");
        BrazilFormat.TodayInSaoPaulo(instant).ShouldBe(new DateOnly(2026, 3, 5));
    }

    [Fact]
    public void Conversion_to_sao_paulo_keeps_the_instant_with_a_minus_three_offset()
    {
        var instant = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.FromHours(2));

        var local = BrazilFormat.ToSaoPaulo(instant);

        local.Offset.ShouldBe(TimeSpan.FromHours(-3));
        local.ShouldBe(instant);
        local.Hour.ShouldBe(7);
    }

    [Theory]
    [InlineData("15", "15")]
    [InlineData("1.5", "1,5")]
    [InlineData("1234.25", "1.234,25")]
    [InlineData("1234567", "1.234.567")]
    [InlineData("0.125", "0,125")]
    public void Quantity_uses_brazilian_separators_without_trailing_zeros(string value, string expected)
    {
        BrazilFormat.Quantity(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
    }
}
