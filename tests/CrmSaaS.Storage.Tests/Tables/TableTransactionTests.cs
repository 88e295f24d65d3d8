using Azure;
using CrmSaaS.Storage;
using CrmSaaS.TestSupport;

namespace CrmSaaS.Storage.Tests.Tables;

public sealed class TableTransactionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _table = azurite.Account.GetTableClient(TestNames.Table("batch"));
        await _table.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_transaction_applies_every_action_and_returns_etags_in_order()
    {
        await _table.AddEntityAsync(new TableEntity("order1", "merge") { ["A"] = 1, ["B"] = 1 });
        await _table.AddEntityAsync(new TableEntity("order1", "replace") { ["A"] = 1, ["B"] = 1 });
        await _table.AddEntityAsync(new TableEntity("order1", "delete") { ["A"] = 1 });
        var current = await _table.GetEntityAsync("order1", "merge");

        var etags = await _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("order1", "added") { ["Total"] = 10.5m }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("order1", "merge") { ["B"] = 2 }, current.ETag),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("order1", "replace") { ["C"] = 3 }),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("order1", "upsert-m") { ["D"] = 4 }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("order1", "upsert-r") { ["E"] = 5 }),
            new(TableTransactionActionType.Delete, new TableEntity("order1", "delete")),
        ]);

        etags.Count.ShouldBe(6);
        etags[5].ShouldBe(default);
        (await _table.GetEntityAsync("order1", "added")).ETag.ShouldBe(etags[0]);
        var merged = await _table.GetEntityAsync("order1", "merge");
        merged.ETag.ShouldBe(etags[1]);
        (merged.GetInt32("A"), merged.GetInt32("B")).ShouldBe((1, 2));
        var replaced = await _table.GetEntityAsync("order1", "replace");
        replaced.ContainsKey("A").ShouldBeFalse();
        replaced.GetInt32("C").ShouldBe(3);
        (await _table.GetEntityAsync("order1", "upsert-m")).GetInt32("D").ShouldBe(4);
        (await _table.GetEntityAsync("order1", "upsert-r")).ETag.ShouldBe(etags[4]);
        (await _table.GetEntityIfExistsAsync("order1", "delete")).ShouldBeNull();
    }

    [Fact]
    public async Task A_conflicting_action_fails_the_whole_transaction_with_its_index()
    {
        await _table.AddEntityAsync(new TableEntity("order2", "b") { ["Existing"] = true });

        var ex = await Should.ThrowAsync<TableTransactionFailedException>(() => _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("order2", "a")),
            new(TableTransactionActionType.Add, new TableEntity("order2", "b")),
            new(TableTransactionActionType.Add, new TableEntity("order2", "c")),
        ]));

        ex.FailedTransactionActionIndex.ShouldBe(1);
        ex.Status.ShouldBe(409);
        ex.ErrorCode.ShouldBe("EntityAlreadyExists");
        (await _table.GetEntityIfExistsAsync("order2", "a")).ShouldBeNull();
        (await _table.GetEntityIfExistsAsync("order2", "c")).ShouldBeNull();
    }

    [Fact]
    public async Task A_stale_etag_in_a_transaction_reports_412_and_the_index()
    {
        var stale = await _table.AddEntityAsync(new TableEntity("order3", "x") { ["V"] = 1 });
        await _table.UpsertEntityAsync(new TableEntity("order3", "x") { ["V"] = 2 });

        var ex = await Should.ThrowAsync<TableTransactionFailedException>(() => _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("order3", "new")),
            new(TableTransactionActionType.Delete, new TableEntity("order3", "nothing-here")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("order3", "x") { ["V"] = 3 }, stale),
        ]));

        ex.FailedTransactionActionIndex.ShouldBe(1);
        ex.Status.ShouldBe(404);
        (await _table.GetEntityIfExistsAsync("order3", "new")).ShouldBeNull();

        var ex2 = await Should.ThrowAsync<TableTransactionFailedException>(() => _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpdateMerge, new TableEntity("order3", "x") { ["V"] = 3 }, stale),
        ]));
        ex2.FailedTransactionActionIndex.ShouldBe(0);
        ex2.Status.ShouldBe(412);
        ex2.ErrorCode.ShouldBe("UpdateConditionNotSatisfied");
        (await _table.GetEntityAsync("order3", "x")).GetInt32("V").ShouldBe(2);
    }

    [Fact]
    public async Task A_transaction_is_one_storage_transaction()
    {
        using var scope = StorageTransactions.BeginScope();

        await _table.SubmitTransactionAsync(Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("order4", i.ToString("D3")))));

        scope.Count.ShouldBe(1);
        scope.TableCount.ShouldBe(1);
    }
}
