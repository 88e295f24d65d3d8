using Azure;
using CrmSaaS.Storage;

namespace CrmSaaS.Storage.Tests;

public sealed class TableClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly TableClient _table = azurite.Table;
    private readonly string _partition = "p" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Typed_values_round_trip_exactly()
    {
        var guid = Guid.NewGuid();
        var when = new DateTimeOffset(2026, 7, 1, 12, 30, 15, 123, TimeSpan.Zero);
        var entity = new TableEntity(_partition, "typed")
        {
            ["Text"] = "Conceição & 'aspas'",
            ["Int"] = 42,
            ["Long"] = 3_000_000_000_000L,
            ["Double"] = 2.5,
            ["Bool"] = true,
            ["When"] = when,
            ["Guid"] = guid,
            ["Bytes"] = new byte[] { 1, 2, 3, 255 },
            ["Money"] = 1234.50m,
            ["Tiny"] = 0.01m,
        };
        await _table.AddEntityAsync(entity);

        var read = await _table.GetEntityAsync(_partition, "typed");

        read.GetString("Text").ShouldBe("Conceição & 'aspas'");
        read.GetInt32("Int").ShouldBe(42);
        read.GetInt64("Long").ShouldBe(3_000_000_000_000L);
        read.GetDouble("Double").ShouldBe(2.5);
        read.GetBoolean("Bool").ShouldBe(true);
        read.GetDateTimeOffset("When").ShouldBe(when);
        read.GetGuid("Guid").ShouldBe(guid);
        read.GetBinary("Bytes").ShouldBe(new byte[] { 1, 2, 3, 255 });
        read.GetDecimal("Money").ShouldBe(1234.50m);
        read.GetDecimal("Money")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("1234.50");
        read.GetDecimal("Tiny").ShouldBe(0.01m);
        read.ETag.ShouldNotBe(default);
        read.Timestamp.ShouldNotBeNull();
    }

    [Fact]
    public async Task Missing_entity_is_404_resource_not_found()
    {
        var error = await Should.ThrowAsync<RequestFailedException>(() => _table.GetEntityAsync(_partition, "missing"));

        error.Status.ShouldBe(404);
        (await _table.GetEntityIfExistsAsync(_partition, "missing")).ShouldBeNull();
    }

    [Fact]
    public async Task Inserting_twice_is_409_entity_already_exists()
    {
        await _table.AddEntityAsync(new TableEntity(_partition, "dup"));

        var error = await Should.ThrowAsync<RequestFailedException>(() => _table.AddEntityAsync(new TableEntity(_partition, "dup")));

        error.Status.ShouldBe(409);
        error.ErrorCode.ShouldBe("EntityAlreadyExists");
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_412_and_changes_nothing()
    {
        var entity = new TableEntity(_partition, "etag") { ["Name"] = "first" };
        var first = await _table.AddEntityAsync(entity);
        entity["Name"] = "second";
        await _table.UpdateEntityAsync(entity, first, TableUpdateMode.Replace);

        entity["Name"] = "stale write";
        var error = await Should.ThrowAsync<RequestFailedException>(() => _table.UpdateEntityAsync(entity, first, TableUpdateMode.Replace));

        error.Status.ShouldBe(412);
        (await _table.GetEntityAsync(_partition, "etag")).GetString("Name").ShouldBe("second");
    }

    [Fact]
    public async Task Merge_keeps_other_properties_and_replace_drops_them()
    {
        await _table.AddEntityAsync(new TableEntity(_partition, "modes") { ["A"] = "a", ["B"] = "b" });

        await _table.UpsertEntityAsync(new TableEntity(_partition, "modes") { ["B"] = "b2" }, TableUpdateMode.Merge);
        var merged = await _table.GetEntityAsync(_partition, "modes");
        await _table.UpsertEntityAsync(new TableEntity(_partition, "modes") { ["C"] = "c" }, TableUpdateMode.Replace);
        var replaced = await _table.GetEntityAsync(_partition, "modes");

        merged.GetString("A").ShouldBe("a");
        merged.GetString("B").ShouldBe("b2");
        replaced.ContainsKey("A").ShouldBeFalse();
        replaced.GetString("C").ShouldBe("c");
    }

    [Fact]
    public async Task Delete_with_stale_etag_is_412_and_with_current_etag_deletes()
    {
        var entity = new TableEntity(_partition, "del") { ["V"] = 1 };
        var stale = await _table.AddEntityAsync(entity);
        entity["V"] = 2;
        var current = await _table.UpdateEntityAsync(entity, stale);

        (await Should.ThrowAsync<RequestFailedException>(() => _table.DeleteEntityAsync(_partition, "del", stale))).Status.ShouldBe(412);
        await _table.DeleteEntityAsync(_partition, "del", current);

        (await _table.GetEntityIfExistsAsync(_partition, "del")).ShouldBeNull();
        (await Should.ThrowAsync<RequestFailedException>(() => _table.DeleteEntityAsync(_partition, "del"))).Status.ShouldBe(404);
    }

    [Fact]
    public async Task Keys_with_quotes_and_separators_work()
    {
        await _table.AddEntityAsync(new TableEntity(_partition, "customer|O'Brien|x y") { ["V"] = "ok" });

        (await _table.GetEntityAsync(_partition, "customer|O'Brien|x y")).GetString("V").ShouldBe("ok");
    }

    [Fact]
    public async Task Filter_values_are_quoted_so_input_cannot_change_the_query()
    {
        await _table.AddEntityAsync(new TableEntity(_partition, "f1") { ["Name"] = "O'Brien" });
        await _table.AddEntityAsync(new TableEntity(_partition, "f2") { ["Name"] = "Silva" });

        var exact = await Query(TableClient.CreateQueryFilter($"PartitionKey eq {_partition} and Name eq {"O'Brien"}"));
        var injected = await Query(TableClient.CreateQueryFilter($"PartitionKey eq {_partition} and Name eq {"x' or 'a' eq 'a"}"));

        exact.Select(e => e.RowKey).ShouldBe(["f1"]);
        injected.ShouldBeEmpty();
    }

    [Fact]
    public void Filter_literals_follow_the_odata_types()
    {
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var guid = Guid.Parse("c9f1b0c2-2f5c-4a57-9b9e-1f0e2d3c4b5a");

        TableClient.CreateQueryFilter($"A eq {5} and B eq {5L} and C eq {true} and D ge {when} and E eq {guid} and F eq {2.0}")
            .ShouldBe("A eq 5 and B eq 5L and C eq true and D ge datetime'2026-01-02T03:04:05.0000000Z' and E eq guid'c9f1b0c2-2f5c-4a57-9b9e-1f0e2d3c4b5a' and F eq 2.0");
    }

    [Fact]
    public async Task Query_follows_continuation_across_more_than_1000_entities()
    {
        var partition = "big" + Guid.NewGuid().ToString("N")[..8];
        for (var batch = 0; batch < 11; batch++)
        {
            await _table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"r{batch:D2}{i:D3}") { ["N"] = (batch * 100) + i })));
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var all = await Query(filter);
        var first = await _table.QueryPageAsync(filter, 1000, null);
        var second = await _table.QueryPageAsync(filter, 1000, first.ContinuationToken);

        all.Count.ShouldBe(1100);
        all.Select(e => e.RowKey).ShouldBeInOrder();
        first.Items.Count.ShouldBe(1000);
        first.ContinuationToken.ShouldNotBeNull();
        second.Items.Count.ShouldBe(100);
        second.ContinuationToken.ShouldBeNull();
        second.Items[0].RowKey.ShouldBe("r10000");
    }

    [Fact]
    public async Task Select_returns_only_the_named_properties()
    {
        await _table.AddEntityAsync(new TableEntity(_partition, "sel") { ["A"] = "a", ["B"] = "b" });

        var row = (await Query(TableClient.CreateQueryFilter($"PartitionKey eq {_partition} and RowKey eq {"sel"}"), ["A"])).Single();

        row.GetString("A").ShouldBe("a");
        row.ContainsKey("B").ShouldBeFalse();
    }

    [Fact]
    public async Task Transaction_commits_all_operations_and_returns_their_etags()
    {
        var existing = new TableEntity(_partition, "tx-existing") { ["V"] = 1 };
        var etag = await _table.AddEntityAsync(existing);

        var etags = await _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity(_partition, "tx-new") { ["V"] = 1 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity(_partition, "tx-existing") { ["V"] = 2 }, etag),
            new(TableTransactionActionType.UpsertReplace, new TableEntity(_partition, "tx-upsert") { ["V"] = 3 }),
        ]);

        etags.Count.ShouldBe(3);
        etags.ShouldAllBe(e => e != default);
        (await _table.GetEntityAsync(_partition, "tx-existing")).GetInt32("V").ShouldBe(2);
        (await _table.GetEntityAsync(_partition, "tx-upsert")).GetInt32("V").ShouldBe(3);
    }

    [Fact]
    public async Task Failed_transaction_names_the_failing_operation_and_writes_nothing()
    {
        await _table.AddEntityAsync(new TableEntity(_partition, "tx-taken"));

        var error = await Should.ThrowAsync<TableTransactionFailedException>(() => _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity(_partition, "tx-a")),
            new(TableTransactionActionType.Add, new TableEntity(_partition, "tx-taken")),
            new(TableTransactionActionType.Add, new TableEntity(_partition, "tx-c")),
        ]));

        error.Status.ShouldBe(409);
        error.FailedTransactionActionIndex.ShouldBe(1);
        (await _table.GetEntityIfExistsAsync(_partition, "tx-a")).ShouldBeNull();
        (await _table.GetEntityIfExistsAsync(_partition, "tx-c")).ShouldBeNull();
    }

    [Fact]
    public async Task Transaction_with_a_stale_etag_fails_with_412()
    {
        var entity = new TableEntity(_partition, "tx-stale") { ["V"] = 1 };
        var stale = await _table.AddEntityAsync(entity);
        await _table.UpdateEntityAsync(new TableEntity(_partition, "tx-stale") { ["V"] = 2 }, stale);

        var error = await Should.ThrowAsync<TableTransactionFailedException>(() => _table.SubmitTransactionAsync(
            [new(TableTransactionActionType.UpdateReplace, new TableEntity(_partition, "tx-stale") { ["V"] = 3 }, stale)]));

        error.Status.ShouldBe(412);
        error.FailedTransactionActionIndex.ShouldBe(0);
    }

    [Fact]
    public async Task Azure_limits_are_enforced_before_sending()
    {
        await Should.ThrowAsync<StorageLimitException>(() => _table.AddEntityAsync(new TableEntity(_partition, "bad/key")));
        await Should.ThrowAsync<StorageLimitException>(() => _table.AddEntityAsync(new TableEntity(_partition, "long") { ["S"] = new string('x', 32 * 1024 + 1) }));
        await Should.ThrowAsync<StorageLimitException>(() => _table.AddEntityAsync(new TableEntity(_partition, "bin") { ["B"] = new byte[(64 * 1024) + 1] }));
        var wide = new TableEntity(_partition, "wide");
        for (var i = 0; i < 253; i++)
        {
            wide["P" + i] = i;
        }

        await Should.ThrowAsync<StorageLimitException>(() => _table.AddEntityAsync(wide));
        var huge = new TableEntity(_partition, "huge");
        for (var i = 0; i < 40; i++)
        {
            huge["S" + i] = new string('y', 30_000);
        }

        await Should.ThrowAsync<StorageLimitException>(() => _table.AddEntityAsync(huge));
        await Should.ThrowAsync<StorageLimitException>(() => _table.SubmitTransactionAsync(
            Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(_partition, "b" + i)))));
        await Should.ThrowAsync<StorageLimitException>(() => _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity(_partition, "x1")),
            new(TableTransactionActionType.Add, new TableEntity(_partition + "other", "x2")),
        ]));
        await Should.ThrowAsync<StorageLimitException>(() => _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity(_partition, "same")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity(_partition, "same")),
        ]));
    }

    [Fact]
    public async Task Transactions_are_counted_per_request_and_a_batch_is_one()
    {
        using var scope = StorageTransactions.BeginScope();
        await _table.GetEntityIfExistsAsync(_partition, "nothing");
        await _table.SubmitTransactionAsync(Enumerable.Range(0, 50).Select(i =>
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(_partition, "count" + i))));

        scope.TableCount.ShouldBe(2);
        scope.Count.ShouldBe(2);
    }

    private async Task<List<TableEntity>> Query(string filter, IEnumerable<string>? select = null)
    {
        var list = new List<TableEntity>();
        await foreach (var entity in _table.QueryAsync(filter, select: select))
        {
            list.Add(entity);
        }

        return list;
    }
}
