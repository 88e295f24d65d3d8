using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Tracing;
using Azure;
using Azure.Core;
using Azure.Core.Diagnostics;
using Azure.Core.Pipeline;
using CrmSaaS.Storage;
using CrmSaaS.TestSupport;

namespace CrmSaaS.Storage.Tests;

public sealed class PipelineTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Every_call_is_one_transaction_and_nested_scopes_each_count()
    {
        var table = azurite.Account.GetTableClient(TestNames.Table("count"));
        var queue = azurite.Account.GetQueueClient(TestNames.Queue("count"));
        var totalBefore = StorageTransactions.TotalSinceStart;

        using var outer = StorageTransactions.BeginScope();
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        using (var inner = StorageTransactions.BeginScope())
        {
            await table.GetEntityAsync("p", "r");
            await queue.CreateIfNotExistsAsync();
            inner.Count.ShouldBe(2);
            inner.TableCount.ShouldBe(1);
            inner.QueueCount.ShouldBe(1);
        }

        await table.GetEntityIfExistsAsync("p", "missing");

        outer.Count.ShouldBe(5);
        outer.TableCount.ShouldBe(4);
        outer.QueueCount.ShouldBe(1);
        outer.BlobCount.ShouldBe(0);
        StorageTransactions.TotalSinceStart.ShouldBeGreaterThanOrEqualTo(totalBefore + 5);
    }

    [Fact]
    public async Task A_disposed_scope_stops_counting_and_child_flows_count_in_the_scopes_they_inherit()
    {
        var table = azurite.Account.GetTableClient(TestNames.Table("flows"));
        await table.CreateIfNotExistsAsync();

        var scope = StorageTransactions.BeginScope();
        await table.GetEntityIfExistsAsync("p", "r");
        scope.Dispose();
        await table.GetEntityIfExistsAsync("p", "r");

        using var mine = StorageTransactions.BeginScope();
        await Task.Run(async () =>
        {
            using var theirs = StorageTransactions.BeginScope();
            await table.GetEntityIfExistsAsync("p", "r");
            theirs.Count.ShouldBe(1);
        });

        scope.Count.ShouldBe(1);
        mine.Count.ShouldBe(1); // the child flow's call counts in the scope it inherited, and in its own
    }

    [Fact]
    public async Task Transient_failures_are_retried_and_each_attempt_is_a_transaction()
    {
        var options = new StorageClientOptions { Transport = new FailingFirstTransport(failures: 2, status: 503) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var account = StorageAccount.Parse(azurite.ConnectionString, options);
        var table = account.GetTableClient(TestNames.Table("retry"));
        await azurite.Account.GetTableClient(table.Name).CreateIfNotExistsAsync();

        using var scope = StorageTransactions.BeginScope();
        var found = await table.GetEntityIfExistsAsync("p", "r");

        found.ShouldBeNull();
        scope.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Requests_are_logged_with_their_client_request_id()
    {
        var lines = new List<string>();
        using var listener = new AzureEventSourceListener(
            (e, message) =>
            {
                lock (lines)
                {
                    lines.Add(message);
                }
            },
            EventLevel.Informational);
        var table = azurite.Account.GetTableClient(TestNames.Table("logs"));

        await table.CreateIfNotExistsAsync();

        string[] snapshot;
        lock (lines)
        {
            snapshot = [.. lines];
        }

        snapshot.ShouldContain(l => l.Contains("x-ms-client-request-id", StringComparison.OrdinalIgnoreCase) && l.Contains("/Tables", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_key_is_reported_as_403_with_an_error_code()
    {
        var wrongKey = azurite.ConnectionString.Replace(StorageAccount.DevelopmentAccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        var account = StorageAccount.Parse(wrongKey);

        var table = await Should.ThrowAsync<RequestFailedException>(() => account.GetTableClient("anytable").CreateIfNotExistsAsync());
        var blob = await Should.ThrowAsync<RequestFailedException>(() => account.GetBlobContainerClient("any").CreateIfNotExistsAsync());

        table.Status.ShouldBe(403);
        table.ErrorCode.ShouldNotBeNullOrEmpty();
        blob.Status.ShouldBe(403);
        blob.ErrorCode.ShouldNotBeNullOrEmpty();
    }

    /// <summary>Answers the first attempts with a transient status, then lets requests reach Azurite.</summary>
    private sealed class FailingFirstTransport(int failures, int status) : HttpPipelineTransport
    {
        private readonly HttpClientTransport _inner = HttpClientTransport.Shared;
        private int _remaining = failures;

        public override Request CreateRequest() => _inner.CreateRequest();

        public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message)
        {
            if (Interlocked.Decrement(ref _remaining) >= 0)
            {
                message.Response = new StatusOnlyResponse(status, message.Request.ClientRequestId);
                return;
            }

            await _inner.ProcessAsync(message);
        }
    }

    private sealed class StatusOnlyResponse(int status, string clientRequestId) : Response
    {
        public override int Status => status;

        public override string ReasonPhrase => "Injected";

        public override Stream? ContentStream { get; set; } = new MemoryStream();

        public override string ClientRequestId { get; set; } = clientRequestId;

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
