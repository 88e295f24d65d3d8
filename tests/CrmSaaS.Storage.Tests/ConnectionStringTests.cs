using CrmSaaS.Storage;

namespace CrmSaaS.Storage.Tests;

public sealed class ConnectionStringTests
{
    [Fact]
    public void Development_storage_expands_to_the_azurite_endpoints()
    {
        var account = StorageAccount.Parse("UseDevelopmentStorage=true");

        account.AccountName.ShouldBe("devstoreaccount1");
        account.TableEndpoint.ShouldBe(new Uri("http://127.0.0.1:10002/devstoreaccount1/"));
        account.BlobEndpoint.ShouldBe(new Uri("http://127.0.0.1:10000/devstoreaccount1/"));
        account.QueueEndpoint.ShouldBe(new Uri("http://127.0.0.1:10001/devstoreaccount1/"));
    }

    [Fact]
    public void Account_key_string_builds_the_public_endpoints()
    {
        var account = StorageAccount.Parse("DefaultEndpointsProtocol=https;AccountName=crmsaas;AccountKey=" + StorageAccount.DevelopmentAccountKey + ";EndpointSuffix=core.windows.net");

        account.TableEndpoint.ShouldBe(new Uri("https://crmsaas.table.core.windows.net/"));
        account.QueueEndpoint.ShouldBe(new Uri("https://crmsaas.queue.core.windows.net/"));
    }

    [Fact]
    public void Explicit_endpoints_win()
    {
        var account = StorageAccount.Parse(
            "AccountName=devstoreaccount1;AccountKey=" + StorageAccount.DevelopmentAccountKey +
            ";TableEndpoint=http://127.0.0.1:5555/devstoreaccount1;BlobEndpoint=http://127.0.0.1:5553/devstoreaccount1;QueueEndpoint=http://127.0.0.1:5554/devstoreaccount1");

        account.TableEndpoint.Port.ShouldBe(5555);
        account.BlobEndpoint.Port.ShouldBe(5553);
    }

    [Theory]
    [InlineData("AccountKey=abc")]
    [InlineData("AccountName=x")]
    [InlineData("AccountName=x;AccountKey=not base64!")]
    public void Incomplete_connection_strings_are_refused(string connectionString)
    {
        Should.Throw<FormatException>(() => StorageAccount.Parse(connectionString));
    }

    [Fact]
    public void Token_credential_accounts_use_the_https_endpoints_and_refuse_service_sas()
    {
        var account = StorageAccount.FromEndpoints(
            new Uri("https://acct.table.core.windows.net"), new Uri("https://acct.blob.core.windows.net"),
            new Uri("https://acct.queue.core.windows.net"), new Azure.Identity.DefaultAzureCredential());

        account.AccountName.ShouldBe("acct");
        Should.Throw<InvalidOperationException>(() => account.GetBlobContainerClient("files").GenerateReadSasUri("a", DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public void Invalid_resource_names_are_refused()
    {
        var account = StorageAccount.Parse("UseDevelopmentStorage=true");

        Should.Throw<StorageLimitException>(() => account.GetTableClient("bad-name"));
        Should.Throw<StorageLimitException>(() => account.GetQueueClient("Bad_Queue"));
        Should.Throw<StorageLimitException>(() => account.GetBlobContainerClient("UPPER"));
    }
}
