using CrmSaaS.Storage;

namespace CrmSaaS.Storage.Tests.Tables;

public sealed class QueryFilterTests
{
    [Fact]
    public void Strings_are_quoted_with_doubled_single_quotes()
    {
        TableClient.CreateQueryFilter($"LastName eq {"O'Brien"}").ShouldBe("LastName eq 'O''Brien'");
        TableClient.CreateQueryFilter($"X eq {"' or 'a' eq 'a"}").ShouldBe("X eq ''' or ''a'' eq ''a'");
    }

    [Fact]
    public void Each_type_becomes_its_odata_literal()
    {
        var when = new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.FromHours(-3));
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        TableClient.CreateQueryFilter($"A eq {3_000_000_000L}").ShouldBe("A eq 3000000000L");
        TableClient.CreateQueryFilter($"A eq {42}").ShouldBe("A eq 42");
        TableClient.CreateQueryFilter($"A eq {2.0}").ShouldBe("A eq 2.0");
        TableClient.CreateQueryFilter($"A eq {0.25}").ShouldBe("A eq 0.25");
        TableClient.CreateQueryFilter($"A eq {true} and B eq {false}").ShouldBe("A eq true and B eq false");
        TableClient.CreateQueryFilter($"A ge {when}").ShouldBe("A ge datetime'2026-05-06T10:08:09.0000000Z'");
        TableClient.CreateQueryFilter($"A eq {id}").ShouldBe("A eq guid'0f8fad5b-d9cb-469f-a165-70867728950e'");
        TableClient.CreateQueryFilter($"A eq {new byte[] { 1, 171, 255 }}").ShouldBe("A eq X'01ABFF'");
    }

    [Fact]
    public void Unsupported_arguments_are_refused()
    {
        Should.Throw<ArgumentException>(() => TableClient.CreateQueryFilter($"A eq {(string?)null}"));
        Should.Throw<ArgumentException>(() => TableClient.CreateQueryFilter($"A eq {new object()}"));
        Should.Throw<ArgumentException>(() => TableClient.CreateQueryFilter($"A eq {double.NaN}"));
    }
}
