using CrmSaaS.Storage;
using CrmSaaS.TestSupport;

namespace CrmSaaS.Storage.Tests.Tables;

/// <summary>1,100 entities: more than the service's 1,000-entity page, so continuation must be followed.</summary>
public sealed class TableQueryPagingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const int Total = 1100;
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _table = azurite.Account.GetTableClient(TestNames.Table("paging"));
        await _table.CreateIfNotExistsAsync();
        for (var start = 0; start < Total; start += 100)
        {
            await _table.SubmitTransactionAsync(Enumerable.Range(start, 100).Select(i =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("tenant", i.ToString("D5")) { ["N"] = i })));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task QueryAsync_follows_continuation_over_every_page()
    {
        using var scope = StorageTransactions.BeginScope();
        var numbers = new List<int>();

        await foreach (var entity in _table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"tenant"}")))
        {
            numbers.Add(entity.GetInt32("N")!.Value);
        }

        numbers.ShouldBe(Enumerable.Range(0, Total));
        scope.Count.ShouldBe(2);
        scope.QueryRows.ShouldBe(Total);
    }

    [Fact]
    public async Task QueryAsync_with_a_small_page_size_still_returns_everything()
    {
        using var scope = StorageTransactions.BeginScope();
        var count = 0;

        await foreach (var entity in _table.QueryAsync(maxPerPage: 300))
        {
            count++;
        }

        count.ShouldBe(Total);
        scope.Count.ShouldBe(4);
    }

    [Fact]
    public async Task QueryPageAsync_makes_one_request_per_page_and_resumes_from_the_token()
    {
        using var scope = StorageTransactions.BeginScope();

        var first = await _table.QueryPageAsync(null, 1000, null);
        scope.Count.ShouldBe(1);
        scope.QueryRows.ShouldBe(1000);
        first.Items.Count.ShouldBe(1000);
        first.ContinuationToken.ShouldNotBeNull();
        first.ContinuationToken.ShouldMatch("^[A-Za-z0-9_-]+$");

        var second = await _table.QueryPageAsync(null, 1000, first.ContinuationToken);
        scope.Count.ShouldBe(2);
        second.Items.Count.ShouldBe(100);
        second.ContinuationToken.ShouldBeNull();
        first.Items.Concat(second.Items).Select(e => e.GetInt32("N")).ShouldBe(Enumerable.Range(0, Total).Select(i => (int?)i));
    }

    [Fact]
    public async Task QueryPageAsync_with_a_filter_and_select_pages_through_matches()
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"tenant"} and N ge {1000}");
        var rows = new List<string>();
        string? token = null;
        do
        {
            var page = await _table.QueryPageAsync(filter, 40, token, ["RowKey"]);
            rows.AddRange(page.Items.Select(e => e.RowKey));
            page.Items.ShouldAllBe(e => !e.ContainsKey("N"));
            token = page.ContinuationToken;
        }
        while (token is not null);

        rows.ShouldBe(Enumerable.Range(1000, 100).Select(i => i.ToString("D5")));
    }

    [Fact]
    public async Task A_forged_continuation_token_is_rejected_before_sending()
    {
        await Should.ThrowAsync<ArgumentException>(() => _table.QueryPageAsync(null, 10, "not-a-token!"));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => _table.QueryPageAsync(null, 1001, null));
    }
}
