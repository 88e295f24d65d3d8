using CrmSaaS.Storage;
using CrmSaaS.TestSupport;

namespace CrmSaaS.Storage.Tests.Tables;

/// <summary>Azure's limits, which Azurite does not enforce: each must fail before any request is sent.</summary>
public sealed class TableLimitTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _table = azurite.Account.GetTableClient(TestNames.Table("limits"));
        await _table.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("\u007f")]
    public async Task Forbidden_key_characters_are_refused(string key)
    {
        await ShouldRefuseAsync(() => _table.AddEntityAsync(new TableEntity(key, "r")), "PartitionKey");
        await ShouldRefuseAsync(() => _table.UpsertEntityAsync(new TableEntity("p", key)), "RowKey");
        await ShouldRefuseAsync(() => _table.GetEntityAsync("p", key), "RowKey");
        await ShouldRefuseAsync(() => _table.DeleteEntityAsync(key, "r"), "PartitionKey");
    }

    [Fact]
    public async Task Keys_over_one_KiB_are_refused_and_512_characters_pass()
    {
        await ShouldRefuseAsync(() => _table.AddEntityAsync(new TableEntity(new string('k', 513), "r")), "1 KiB");

        await _table.AddEntityAsync(new TableEntity(new string('k', 512), new string('r', 512)));
        (await _table.GetEntityAsync(new string('k', 512), new string('r', 512))).PartitionKey.Length.ShouldBe(512);
    }

    [Fact]
    public async Task More_than_252_custom_properties_are_refused()
    {
        var entity = new TableEntity("p", "props");
        for (var i = 0; i < 252; i++)
        {
            entity[$"P{i}"] = i;
        }

        await _table.AddEntityAsync(entity);
        entity.RowKey = "props2";
        entity["OneTooMany"] = 1;
        await ShouldRefuseAsync(() => _table.AddEntityAsync(entity), "252");
    }

    [Fact]
    public async Task Property_names_over_255_characters_are_refused()
    {
        await _table.AddEntityAsync(new TableEntity("p", "name255") { [new string('n', 255)] = 1 });

        await ShouldRefuseAsync(() => _table.AddEntityAsync(new TableEntity("p", "name256") { [new string('n', 256)] = 1 }), "255");
    }

    [Fact]
    public async Task Strings_over_32K_characters_are_refused()
    {
        await _table.AddEntityAsync(new TableEntity("p", "s32k") { ["Text"] = new string('x', 32 * 1024) });

        await ShouldRefuseAsync(() => _table.AddEntityAsync(new TableEntity("p", "s33k") { ["Text"] = new string('x', (32 * 1024) + 1) }), "Text");
    }

    [Fact]
    public async Task Binary_over_64_KiB_is_refused()
    {
        await _table.AddEntityAsync(new TableEntity("p", "b64k") { ["Data"] = new byte[64 * 1024] });

        await ShouldRefuseAsync(() => _table.AddEntityAsync(new TableEntity("p", "b65k") { ["Data"] = new byte[(64 * 1024) + 1] }), "Data");
        await ShouldRefuseAsync(() => _table.AddEntityAsync(new TableEntity("p", "b65k") { ["Data"] = new BinaryData(new byte[(64 * 1024) + 1]) }), "Data");
    }

    [Fact]
    public async Task Entities_over_1_MiB_are_refused()
    {
        var entity = new TableEntity("p", "big");
        for (var i = 0; i < 17; i++)
        {
            entity[$"Chunk{i}"] = new string('x', 32 * 1024); // 17 x 64 KiB (UTF-16) > 1 MiB
        }

        await ShouldRefuseAsync(() => _table.AddEntityAsync(entity), "1 MiB");
        entity.Remove("Chunk16");
        entity.Remove("Chunk15");
        await _table.AddEntityAsync(entity);
    }

    [Fact]
    public async Task Transactions_over_100_actions_are_refused()
    {
        var actions = Enumerable.Range(0, 101)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"row{i}")))
            .ToList();

        await ShouldRefuseAsync(() => _table.SubmitTransactionAsync(actions), "100");
    }

    [Fact]
    public async Task Transactions_across_partitions_are_refused()
    {
        await ShouldRefuseAsync(
            () => _table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("p1", "a")),
                new(TableTransactionActionType.Add, new TableEntity("p2", "a")),
            ]),
            "one partition");
        (await _table.GetEntityIfExistsAsync("p1", "a")).ShouldBeNull();
    }

    [Fact]
    public async Task Transactions_touching_an_entity_twice_are_refused()
    {
        await ShouldRefuseAsync(
            () => _table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("p", "twice")),
                new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "twice") { ["A"] = 1 }),
            ]),
            "only once");
    }

    [Fact]
    public async Task Transactions_over_4_MiB_are_refused()
    {
        // 5 entities of ~1 MiB estimated size fit the per-entity limit, but their payload passes 4 MiB.
        var actions = Enumerable.Range(0, 5).Select(i =>
        {
            var entity = new TableEntity("p", $"heavy{i}");
            for (var c = 0; c < 15; c++)
            {
                entity[$"C{c}"] = new string('é', 32 * 1024);
            }

            return new TableTransactionAction(TableTransactionActionType.Add, entity);
        }).ToList();

        await ShouldRefuseAsync(() => _table.SubmitTransactionAsync(actions), "4 MiB");
    }

    [Fact]
    public async Task An_entity_without_keys_is_refused()
    {
        await ShouldRefuseAsync(() => _table.AddEntityAsync(new TableEntity { ["A"] = 1 }), "PartitionKey and RowKey");
    }

    [Fact]
    public void Unsupported_values_and_local_dates_are_refused_when_set()
    {
        var entity = new TableEntity("p", "r");

        Should.Throw<ArgumentException>(() => entity["F"] = 1.5f);
        Should.Throw<ArgumentException>(() => entity["D"] = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local));
        Should.Throw<ArgumentException>(() => entity["U"] = new DateTime(2026, 1, 1));
        Should.Throw<ArgumentException>(() => entity["PartitionKey"] = 5);
    }

    [Fact]
    public void Invalid_table_names_are_refused()
    {
        Should.Throw<StorageLimitException>(() => azurite.Account.GetTableClient("1abc"));
        Should.Throw<StorageLimitException>(() => azurite.Account.GetTableClient("ab"));
        Should.Throw<StorageLimitException>(() => azurite.Account.GetTableClient("with-dash"));
        Should.Throw<StorageLimitException>(() => azurite.Account.GetTableClient(new string('a', 64)));
    }

    private static async Task ShouldRefuseAsync(Func<Task> call, string messagePart)
    {
        using var scope = StorageTransactions.BeginScope();
        var ex = await Should.ThrowAsync<StorageLimitException>(call);
        ex.Message.ShouldContain(messagePart);
        scope.Count.ShouldBe(0);
    }
}
