using Azure.Core;
using CrmSaaS.Storage;

namespace CrmSaaS.Storage.Tests;

public sealed class StorageAccountTests
{
    [Fact]
    public void Development_storage_expands_to_the_emulator_endpoints()
    {
        var account = StorageAccount.Parse("UseDevelopmentStorage=true");

        account.AccountName.ShouldBe("devstoreaccount1");
        account.BlobEndpoint.ShouldBe(new Uri("http://127.0.0.1:10000/devstoreaccount1"));
        account.QueueEndpoint.ShouldBe(new Uri("http://127.0.0.1:10001/devstoreaccount1"));
        account.TableEndpoint.ShouldBe(new Uri("http://127.0.0.1:10002/devstoreaccount1"));
        account.UsesSharedKey.ShouldBeTrue();
    }

    [Fact]
    public void An_account_connection_string_builds_the_Azure_endpoints()
    {
        var account = StorageAccount.Parse("DefaultEndpointsProtocol=https;AccountName=crmprod;AccountKey=a2V5a2V5a2V5;EndpointSuffix=core.windows.net");

        account.AccountName.ShouldBe("crmprod");
        account.TableEndpoint.ShouldBe(new Uri("https://crmprod.table.core.windows.net"));
        account.BlobEndpoint.ShouldBe(new Uri("https://crmprod.blob.core.windows.net"));
        account.QueueEndpoint.ShouldBe(new Uri("https://crmprod.queue.core.windows.net"));
    }

    [Fact]
    public void Defaults_are_https_and_the_public_cloud_suffix_and_names_are_case_insensitive()
    {
        var account = StorageAccount.Parse(" accountname = crm ; ACCOUNTKEY=a2V5a2V5a2U= ;");

        account.TableEndpoint.ShouldBe(new Uri("https://crm.table.core.windows.net"));
    }

    [Fact]
    public void Explicit_endpoints_win_and_give_the_account_name_when_missing()
    {
        var account = StorageAccount.Parse(
            "DefaultEndpointsProtocol=http;AccountKey=a2V5a2V5a2V5;" +
            "BlobEndpoint=http://127.0.0.1:51000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:51001/devstoreaccount1;TableEndpoint=http://127.0.0.1:51002/devstoreaccount1/");

        account.AccountName.ShouldBe("devstoreaccount1");
        account.TableEndpoint.ShouldBe(new Uri("http://127.0.0.1:51002/devstoreaccount1"));
        account.BlobEndpoint.Port.ShouldBe(51000);
        account.QueueEndpoint.Port.ShouldBe(51001);
    }

    [Fact]
    public void A_sovereign_cloud_suffix_is_used()
    {
        var account = StorageAccount.Parse("AccountName=crm;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn;DefaultEndpointsProtocol=https");

        account.BlobEndpoint.ShouldBe(new Uri("https://crm.blob.core.chinacloudapi.cn"));
    }

    [Theory]
    [InlineData("AccountName=crm")]
    [InlineData("AccountName=crm;AccountKey=not base64!")]
    [InlineData("AccountName=crm;AccountKey=a2V5;DefaultEndpointsProtocol=ftp")]
    [InlineData("AccountName=crm;AccountKey=a2V5;BlobEndpoint=not-a-url")]
    [InlineData("AccountKey=a2V5")]
    [InlineData("just some text")]
    [InlineData("BlobEndpoint=https://crm.blob.core.windows.net;SharedAccessSignature=sv=2022&sig=x")]
    public void Invalid_connection_strings_fail_with_a_format_error(string connectionString)
    {
        Should.Throw<FormatException>(() => StorageAccount.Parse(connectionString));
    }

    [Fact]
    public void The_key_never_appears_in_a_parse_error()
    {
        var ex = Should.Throw<FormatException>(() => StorageAccount.Parse("AccountName=crm;AccountKey=c2VjcmV0c2VjcmV0;Broken"));

        ex.Message.ShouldNotContain("c2VjcmV0c2VjcmV0");
    }

    [Fact]
    public void Token_credential_accounts_take_the_name_from_the_host_and_cannot_sign_a_SAS()
    {
        var account = StorageAccount.FromEndpoints(
            new Uri("https://crmprod.table.core.windows.net/"),
            new Uri("https://crmprod.blob.core.windows.net/"),
            new Uri("https://crmprod.queue.core.windows.net/"),
            new UnusedCredential());

        account.AccountName.ShouldBe("crmprod");
        account.UsesSharedKey.ShouldBeFalse();
        account.GetTableClient("orders").Name.ShouldBe("orders");
        Should.Throw<InvalidOperationException>(() =>
            account.GetBlobContainerClient("files").GenerateReadSasUri("a.pdf", DateTimeOffset.UtcNow.AddMinutes(5)));
    }

    private sealed class UnusedCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("This test never sends a request.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("This test never sends a request.");
    }
}
