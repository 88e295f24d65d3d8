using System.Net;
using Azure;
using CrmSaaS.Storage;
using CrmSaaS.TestSupport;

namespace CrmSaaS.Storage.Tests;

/// <summary>
/// The managed-identity path (bearer tokens, user-delegation SAS) against an HTTPS Azurite in OAuth mode.
/// </summary>
public sealed class ManagedIdentityTests : IAsyncLifetime
{
    private AzuriteInstance _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteInstance.GetSharedOAuthAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Tables_work_with_a_bearer_token()
    {
        _azurite.Account.UsesSharedKey.ShouldBeFalse();
        var table = _azurite.Account.GetTableClient(TestNames.Table("oauth"));

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Total"] = 10.5m });
        await table.SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("p", "r2"))]);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"p"}")))
        {
            rows.Add(row);
        }

        rows.Select(r => r.RowKey).ShouldBe(["r", "r2"]);
        rows[0].GetDecimal("Total").ShouldBe(10.5m);
    }

    [Fact]
    public async Task Blobs_and_queues_work_with_a_bearer_token()
    {
        var container = _azurite.Account.GetBlobContainerClient(TestNames.Container("oauth"));
        var queue = _azurite.Account.GetQueueClient(TestNames.Queue("oauth"));

        await container.CreateIfNotExistsAsync();
        await container.UploadAsync("a/b.txt", BinaryData.FromString("conteúdo"), "text/plain");
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("mensagem");

        (await container.DownloadContentAsync("a/b.txt")).ToString().ShouldBe("conteúdo");
        (await queue.ReceiveMessagesAsync()).Single().MessageText.ShouldBe("mensagem");
    }

    [Fact]
    public async Task Requests_without_a_valid_token_are_refused()
    {
        var anonymous = StorageAccount.FromEndpoints(
            _azurite.Account.TableEndpoint,
            _azurite.Account.BlobEndpoint,
            _azurite.Account.QueueEndpoint,
            new ExpiredTokenCredential(),
            _azurite.CreateOptions());

        var ex = await Should.ThrowAsync<RequestFailedException>(() => anonymous.GetBlobContainerClient("anything").CreateIfNotExistsAsync());

        // Azure answers 401 InvalidAuthenticationInfo, Azurite 403 AuthenticationFailed.
        ex.Status.ShouldBeOneOf(401, 403);
        ex.ErrorCode.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_user_delegation_sas_reads_its_blob_only_until_it_expires()
    {
        var container = _azurite.Account.GetBlobContainerClient(TestNames.Container("udk"));
        await container.CreateIfNotExistsAsync();
        await container.UploadAsync("contratos/contrato 1.pdf", BinaryData.FromString("assinado"), "application/pdf");
        await container.UploadAsync("contratos/outro.pdf", BinaryData.FromString("outro"), "application/pdf");
        using var http = _azurite.CreateHttpClient();

        Should.Throw<InvalidOperationException>(() => container.GenerateReadSasUri("contratos/contrato 1.pdf", DateTimeOffset.UtcNow.AddMinutes(5)));
        var sas = await container.GenerateReadSasUriAsync("contratos/contrato 1.pdf", DateTimeOffset.UtcNow.AddMinutes(5));
        var ok = await http.GetAsync(sas);

        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadAsStringAsync()).ShouldBe("assinado");
        sas.Query.ShouldContain("skoid=" + AzuriteTokenCredential.ObjectId);
        sas.Query.ShouldContain("spr=https");

        var other = new UriBuilder(sas) { Path = container.GetBlobUri("contratos/outro.pdf").AbsolutePath }.Uri;
        (await http.GetAsync(other)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var expired = await container.GenerateReadSasUriAsync("contratos/contrato 1.pdf", DateTimeOffset.UtcNow.AddSeconds(-1));
        (await http.GetAsync(expired)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_user_delegation_key_is_fetched_once_and_reused()
    {
        var account = StorageAccount.FromEndpoints(
            _azurite.Account.TableEndpoint, _azurite.Account.BlobEndpoint, _azurite.Account.QueueEndpoint, new AzuriteTokenCredential(), _azurite.CreateOptions());
        var container = account.GetBlobContainerClient(TestNames.Container("udkcache"));

        using var scope = StorageTransactions.BeginScope();
        await container.GenerateReadSasUriAsync("a.pdf", DateTimeOffset.UtcNow.AddMinutes(10));
        await container.GenerateReadSasUriAsync("b.pdf", DateTimeOffset.UtcNow.AddHours(2));

        scope.BlobCount.ShouldBe(1);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => container.GenerateReadSasUriAsync("c.pdf", DateTimeOffset.UtcNow.AddDays(8)));
    }

    [Fact]
    public async Task A_key_account_signs_a_service_sas_through_the_async_method_too()
    {
        var keyAccount = StorageAccount.Parse(_azurite.ConnectionString, _azurite.CreateOptions());
        var container = keyAccount.GetBlobContainerClient(TestNames.Container("keysas"));
        await container.CreateIfNotExistsAsync();
        await container.UploadAsync("x.txt", BinaryData.FromString("x"), "text/plain");
        using var http = _azurite.CreateHttpClient();

        using var scope = StorageTransactions.BeginScope();
        var sas = await container.GenerateReadSasUriAsync("x.txt", DateTimeOffset.UtcNow.AddMinutes(5));

        scope.Count.ShouldBe(0);
        sas.Query.ShouldNotContain("skoid");
        (await http.GetAsync(sas)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private sealed class ExpiredTokenCredential : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("not-a-jwt", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
