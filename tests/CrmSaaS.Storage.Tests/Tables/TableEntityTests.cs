using CrmSaaS.Storage;

namespace CrmSaaS.Storage.Tests.Tables;

public sealed class TableEntityTests
{
    [Fact]
    public void Keys_are_entries_of_the_bag()
    {
        var entity = new TableEntity("tenant", "row") { ["Name"] = "x" };

        entity["PartitionKey"].ShouldBe("tenant");
        entity.Keys.ShouldBe(["PartitionKey", "RowKey", "Name"], ignoreOrder: true);
        entity.Timestamp.ShouldBeNull();
    }

    [Fact]
    public void Getters_widen_numbers_but_refuse_other_types()
    {
        var entity = new TableEntity("p", "r") { ["I"] = 5, ["L"] = 5_000_000_000L, ["S"] = "texto", ["M"] = 10.25m };

        entity.GetInt64("I").ShouldBe(5L);
        entity.GetDouble("I").ShouldBe(5.0);
        entity.GetDecimal("I").ShouldBe(5m);
        entity.GetDecimal("M").ShouldBe(10.25m);
        Should.Throw<InvalidOperationException>(() => entity.GetInt32("L"));
        Should.Throw<InvalidOperationException>(() => entity.GetInt32("S"));
        Should.Throw<InvalidOperationException>(() => entity.GetDecimal("S"));
        entity.GetBoolean("Missing").ShouldBeNull();
    }

    [Fact]
    public void Decimal_strings_parse_in_invariant_culture_regardless_of_current_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("pt-BR");
            var entity = new TableEntity("p", "r") { ["Total"] = "1234.50" };

            entity.GetDecimal("Total").ShouldBe(1234.50m);
            TableClient.CreateQueryFilter($"Total eq {1234.50m}").ShouldBe("Total eq '1234.50'");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
