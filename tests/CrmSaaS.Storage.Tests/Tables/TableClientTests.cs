using Azure;
using CrmSaaS.Storage;
using CrmSaaS.TestSupport;

namespace CrmSaaS.Storage.Tests.Tables;

public sealed class TableClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _table = azurite.Account.GetTableClient(TestNames.Table("entities"));
        await _table.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateIfNotExists_is_idempotent()
    {
        await _table.CreateIfNotExistsAsync();
        await _table.AddEntityAsync(new TableEntity("p", "r"));
        await _table.CreateIfNotExistsAsync();

        (await _table.GetEntityAsync("p", "r")).RowKey.ShouldBe("r");
    }

    [Fact]
    public async Task A_missing_table_is_reported_even_by_the_if_exists_calls()
    {
        var table = azurite.Account.GetTableClient(TestNames.Table("dropped"));
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        await table.DeleteAsync();

        var get = await Should.ThrowAsync<RequestFailedException>(() => table.GetEntityIfExistsAsync("p", "r"));
        (get.Status, get.ErrorCode).ShouldBe((404, "TableNotFound"));
        var add = await Should.ThrowAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));
        (add.Status, add.ErrorCode).ShouldBe((404, "TableNotFound"));
    }

    [Fact]
    public async Task Typed_values_round_trip_exactly()
    {
        var when = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(-3)).AddTicks(1234567);
        var id = Guid.NewGuid();
        var entity = new TableEntity("tenant1", "typed")
        {
            ["Name"] = "Joana Álvares",
            ["Quantity"] = 42,
            ["Big"] = 3_000_000_000_123L,
            ["Ratio"] = 0.1 + 0.2,
            ["Whole"] = 2.0,
            ["Active"] = true,
            ["When"] = when,
            ["WhenUtc"] = new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc),
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 2, 254, 255 },
            ["Data"] = BinaryData.FromString("olá"),
            ["Price"] = 1234.50m,
            ["Tiny"] = -0.000001m,
            ["Huge"] = 79228162514264337593543950335m,
        };

        var etag = await _table.AddEntityAsync(entity);
        var read = await _table.GetEntityAsync("tenant1", "typed");

        read.ETag.ShouldBe(etag);
        read.Timestamp.ShouldNotBeNull();
        read.GetString("Name").ShouldBe("Joana Álvares");
        read.GetInt32("Quantity").ShouldBe(42);
        read["Quantity"].ShouldBeOfType<int>();
        read.GetInt64("Big").ShouldBe(3_000_000_000_123L);
        read["Big"].ShouldBeOfType<long>();
        read.GetDouble("Ratio").ShouldBe(0.1 + 0.2);
        read["Whole"].ShouldBeOfType<double>();
        read.GetDouble("Whole").ShouldBe(2.0);
        read.GetBoolean("Active").ShouldBe(true);
        read.GetDateTimeOffset("When").ShouldBe(when);
        read.GetDateTimeOffset("WhenUtc").ShouldBe(new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero));
        read.GetGuid("Id").ShouldBe(id);
        read.GetBinary("Bytes").ShouldBe(new byte[] { 0, 1, 2, 254, 255 });
        read.GetBinary("Data").ShouldBe(BinaryData.FromString("olá").ToArray());
        read.GetDecimal("Price").ShouldBe(1234.50m);
        read.GetDecimal("Price")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("1234.50");
        read.GetDecimal("Tiny").ShouldBe(-0.000001m);
        read.GetDecimal("Huge").ShouldBe(79228162514264337593543950335m);
        read.GetString("Missing").ShouldBeNull();
    }

    [Fact]
    public async Task Property_names_are_case_sensitive()
    {
        var entity = new TableEntity("p", "case") { ["name"] = "lower", ["Name"] = "upper" };
        await _table.AddEntityAsync(entity);

        var read = await _table.GetEntityAsync("p", "case");

        read.GetString("name").ShouldBe("lower");
        read.GetString("Name").ShouldBe("upper");
    }

    [Fact]
    public async Task Adding_an_existing_entity_fails_with_409()
    {
        await _table.AddEntityAsync(new TableEntity("p", "dup") { ["V"] = 1 });

        var ex = await Should.ThrowAsync<RequestFailedException>(() => _table.AddEntityAsync(new TableEntity("p", "dup") { ["V"] = 2 }));

        ex.Status.ShouldBe(409);
        ex.ErrorCode.ShouldBe("EntityAlreadyExists");
        (await _table.GetEntityAsync("p", "dup")).GetInt32("V").ShouldBe(1);
    }

    [Fact]
    public async Task Getting_a_missing_entity_fails_with_404_or_returns_null()
    {
        var ex = await Should.ThrowAsync<RequestFailedException>(() => _table.GetEntityAsync("p", "nobody"));

        ex.Status.ShouldBe(404);
        ex.ErrorCode.ShouldBe("ResourceNotFound");
        (await _table.GetEntityIfExistsAsync("p", "nobody")).ShouldBeNull();
    }

    [Fact]
    public async Task Update_with_a_stale_etag_fails_with_412_and_keeps_the_newer_value()
    {
        var entity = new TableEntity("p", "concurrency") { ["Status"] = "draft" };
        var first = await _table.AddEntityAsync(entity);

        var mine = await _table.GetEntityAsync("p", "concurrency");
        var theirs = await _table.GetEntityAsync("p", "concurrency");
        theirs["Status"] = "sent";
        var second = await _table.UpdateEntityAsync(theirs, theirs.ETag);
        second.ShouldNotBe(first);

        mine["Status"] = "cancelled";
        var ex = await Should.ThrowAsync<RequestFailedException>(() => _table.UpdateEntityAsync(mine, mine.ETag));

        ex.Status.ShouldBe(412);
        ex.ErrorCode.ShouldBe("UpdateConditionNotSatisfied");
        (await _table.GetEntityAsync("p", "concurrency")).GetString("Status").ShouldBe("sent");

        await _table.UpdateEntityAsync(mine, ETag.All);
        (await _table.GetEntityAsync("p", "concurrency")).GetString("Status").ShouldBe("cancelled");
    }

    [Fact]
    public async Task Update_requires_an_explicit_etag_and_fails_with_404_when_missing()
    {
        var ghost = new TableEntity("p", "ghost") { ["A"] = 1 };

        await Should.ThrowAsync<ArgumentException>(() => _table.UpdateEntityAsync(ghost, default));
        var ex = await Should.ThrowAsync<RequestFailedException>(() => _table.UpdateEntityAsync(ghost, ETag.All));
        ex.Status.ShouldBe(404);
    }

    [Fact]
    public async Task Merge_keeps_other_properties_and_replace_drops_them()
    {
        await _table.AddEntityAsync(new TableEntity("p", "modes") { ["A"] = 1, ["B"] = 2 });

        await _table.UpsertEntityAsync(new TableEntity("p", "modes") { ["B"] = 20, ["C"] = 30 });
        var merged = await _table.GetEntityAsync("p", "modes");
        (merged.GetInt32("A"), merged.GetInt32("B"), merged.GetInt32("C")).ShouldBe((1, 20, 30));

        var replacement = new TableEntity("p", "modes") { ["C"] = 300 };
        await _table.UpdateEntityAsync(replacement, merged.ETag, TableUpdateMode.Replace);
        var replaced = await _table.GetEntityAsync("p", "modes");
        replaced.ContainsKey("A").ShouldBeFalse();
        replaced.ContainsKey("B").ShouldBeFalse();
        replaced.GetInt32("C").ShouldBe(300);
    }

    [Fact]
    public async Task Upsert_inserts_when_missing_and_returns_the_new_etag()
    {
        var entity = new TableEntity("p", "upsert") { ["A"] = "x" };

        var etag = await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace);

        entity.ETag.ShouldBe(etag);
        (await _table.GetEntityAsync("p", "upsert")).ETag.ShouldBe(etag);
    }

    [Fact]
    public async Task Delete_removes_and_checks_etag_and_existence()
    {
        var entity = new TableEntity("p", "delete") { ["A"] = 1 };
        var stale = await _table.AddEntityAsync(entity);
        await _table.UpsertEntityAsync(new TableEntity("p", "delete") { ["A"] = 2 });

        var conflict = await Should.ThrowAsync<RequestFailedException>(() => _table.DeleteEntityAsync("p", "delete", stale));
        conflict.Status.ShouldBe(412);

        await _table.DeleteEntityAsync("p", "delete");
        (await _table.GetEntityIfExistsAsync("p", "delete")).ShouldBeNull();

        var missing = await Should.ThrowAsync<RequestFailedException>(() => _table.DeleteEntityAsync("p", "delete"));
        missing.Status.ShouldBe(404);
        missing.ErrorCode.ShouldBe("ResourceNotFound");
    }

    [Fact]
    public async Task Select_returns_only_the_named_properties()
    {
        await _table.AddEntityAsync(new TableEntity("sel", "1") { ["A"] = 1, ["B"] = "b", ["C"] = true });

        var one = await _table.GetEntityAsync("sel", "1", ["B"]);
        var many = await ToListAsync(_table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"sel"}"), select: ["A", "RowKey"]));

        one.GetString("B").ShouldBe("b");
        one.ContainsKey("A").ShouldBeFalse();
        one.ETag.ShouldNotBe(default);
        many.Count.ShouldBe(1);
        many[0].GetInt32("A").ShouldBe(1);
        many[0].RowKey.ShouldBe("1");
        many[0].ContainsKey("B").ShouldBeFalse();
    }

    [Theory]
    [InlineData("O'Brien")]
    [InlineData("com espaço e ação")]
    [InlineData("a'b''c")]
    [InlineData("50% off & more=yes+plus")]
    [InlineData("(parens),comma;semi:colon")]
    [InlineData("emoji 🚀 and ü")]
    public async Task Keys_with_special_characters_work_for_every_operation(string key)
    {
        var entity = new TableEntity(key, key) { ["V"] = 1 };
        await _table.AddEntityAsync(entity);

        var read = await _table.GetEntityAsync(key, key);
        read.PartitionKey.ShouldBe(key);
        read.RowKey.ShouldBe(key);
        read["V"] = 2;
        await _table.UpdateEntityAsync(read, read.ETag);
        var found = await ToListAsync(_table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {key} and RowKey eq {key}")));
        found.Single().GetInt32("V").ShouldBe(2);
        await _table.DeleteEntityAsync(key, key);
        (await _table.GetEntityIfExistsAsync(key, key)).ShouldBeNull();
    }

    [Fact]
    public async Task Filter_arguments_are_quoted_so_quotes_cannot_inject()
    {
        await _table.AddEntityAsync(new TableEntity("people", "1") { ["LastName"] = "O'Brien" });
        await _table.AddEntityAsync(new TableEntity("people", "2") { ["LastName"] = "Silva" });
        await _table.AddEntityAsync(new TableEntity("people", "3") { ["LastName"] = "Brien" });

        var obrien = await ToListAsync(_table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"people"} and LastName eq {"O'Brien"}")));
        var injected = await ToListAsync(_table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"people"} and LastName eq {"' or 'a' eq 'a"}")));

        obrien.Select(e => e.RowKey).ShouldBe(["1"]);
        injected.ShouldBeEmpty();
    }

    [Fact]
    public async Task Filters_compare_typed_values()
    {
        var cutoff = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        await _table.AddEntityAsync(new TableEntity("typedfilter", "old") { ["At"] = cutoff.AddDays(-1), ["Total"] = 10L, ["Score"] = 1.5, ["Ok"] = false, ["Ref"] = id, ["N"] = 5 });
        await _table.AddEntityAsync(new TableEntity("typedfilter", "new") { ["At"] = cutoff.AddDays(1), ["Total"] = 5_000_000_000L, ["Score"] = 2.5, ["Ok"] = true, ["Ref"] = Guid.NewGuid(), ["N"] = 7 });

        async Task<string[]> Rows(FormattableString condition)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"typedfilter"}") + " and " + TableClient.CreateQueryFilter(condition);
            return (await ToListAsync(_table.QueryAsync(filter))).Select(e => e.RowKey).Order().ToArray();
        }

        (await Rows($"At gt {cutoff}")).ShouldBe(["new"]);
        (await Rows($"Total gt {4_000_000_000L}")).ShouldBe(["new"]);
        (await Rows($"Score lt {2.0}")).ShouldBe(["old"]);
        (await Rows($"Ok eq {true}")).ShouldBe(["new"]);
        (await Rows($"Ref eq {id}")).ShouldBe(["old"]);
        (await Rows($"N ge {6}")).ShouldBe(["new"]);
    }

    private static async Task<List<TableEntity>> ToListAsync(IAsyncEnumerable<TableEntity> source)
    {
        var list = new List<TableEntity>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
