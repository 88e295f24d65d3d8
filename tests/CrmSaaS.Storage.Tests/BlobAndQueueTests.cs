using System.Net;
using System.Text;
using Azure;
using CrmSaaS.Storage;

namespace CrmSaaS.Storage.Tests;

public sealed class BlobAndQueueTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly BlobContainerClient _container = azurite.Container;
    private readonly QueueClient _sharedQueue = azurite.Queue;

    private async Task<QueueClient> NewQueueAsync()
    {
        var queue = azurite.Account.GetQueueClient(CrmSaaS.TestSupport.TestNames.Queue());
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    [Fact]
    public async Task Blob_upload_download_properties_list_and_delete()
    {
        var name = "t1/order/01/proposta v1.pdf";
        await _container.UploadAsync(name, BinaryData.FromString("%PDF-1.7 conteúdo"), "application/pdf",
            new Dictionary<string, string> { ["kind"] = "proposal" });

        await using (var download = await _container.DownloadAsync(name))
        {
            using var reader = new StreamReader(download.Content, Encoding.UTF8);
            (await reader.ReadToEndAsync()).ShouldBe("%PDF-1.7 conteúdo");
            download.Properties.ContentType.ShouldBe("application/pdf");
            download.Properties.Metadata["kind"].ShouldBe("proposal");
        }

        var properties = await _container.GetPropertiesAsync(name);
        properties.ContentLength.ShouldBe(Encoding.UTF8.GetByteCount("%PDF-1.7 conteúdo"));
        var listed = new List<BlobItem>();
        await foreach (var item in _container.ListAsync("t1/order/"))
        {
            listed.Add(item);
        }

        listed.Select(b => b.Name).ShouldBe([name]);
        (await _container.DeleteIfExistsAsync(name)).ShouldBeTrue();
        (await _container.DeleteIfExistsAsync(name)).ShouldBeFalse();
        (await Should.ThrowAsync<RequestFailedException>(() => _container.DownloadAsync(name))).Status.ShouldBe(404);
    }

    [Fact]
    public async Task Upload_without_overwrite_refuses_an_existing_blob()
    {
        await _container.UploadAsync("keep.txt", BinaryData.FromString("first"), "text/plain", overwrite: false);

        var error = await Should.ThrowAsync<RequestFailedException>(() =>
            _container.UploadAsync("keep.txt", BinaryData.FromString("second"), "text/plain", overwrite: false));

        error.Status.ShouldBe(409);
        await using var download = await _container.DownloadAsync("keep.txt");
        (await new StreamReader(download.Content).ReadToEndAsync()).ShouldBe("first");
    }

    [Fact]
    public async Task Read_sas_reads_one_blob_until_it_expires()
    {
        await _container.UploadAsync("sas/a.txt", BinaryData.FromString("a"), "text/plain");
        await _container.UploadAsync("sas/b.txt", BinaryData.FromString("b"), "text/plain");
        using var http = new HttpClient();

        var valid = _container.GenerateReadSasUri("sas/a.txt", DateTimeOffset.UtcNow.AddMinutes(5));
        var expired = _container.GenerateReadSasUri("sas/a.txt", DateTimeOffset.UtcNow.AddMinutes(-1));
        var otherBlob = new Uri(valid.AbsoluteUri.Replace("sas/a.txt", "sas/b.txt", StringComparison.Ordinal));

        (await http.GetStringAsync(valid)).ShouldBe("a");
        (await http.GetAsync(expired)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await http.GetAsync(otherBlob)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await http.PutAsync(valid, new StringContent("overwrite"))).IsSuccessStatusCode.ShouldBeFalse();
    }

    [Fact]
    public async Task Queue_send_receive_visibility_and_delete()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("{\"tenantId\":\"t1\",\"texto\":\"ação\"}");
        (await queue.GetApproximateMessageCountAsync()).ShouldBeGreaterThanOrEqualTo(1);
        (await queue.PeekMessagesAsync(32)).ShouldContain(m => m.MessageText.Contains("ação", StringComparison.Ordinal));

        var first = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Single();
        first.MessageText.ShouldBe("{\"tenantId\":\"t1\",\"texto\":\"ação\"}");
        first.DequeueCount.ShouldBe(1);
        (await queue.ReceiveMessagesAsync(1)).ShouldBeEmpty();

        await Task.Delay(1500);
        var second = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Single();
        second.MessageId.ShouldBe(first.MessageId);
        second.DequeueCount.ShouldBe(2);

        var receipt = await queue.UpdateVisibilityAsync(second.MessageId, second.PopReceipt, TimeSpan.FromSeconds(30));
        await queue.DeleteMessageAsync(second.MessageId, receipt);
        (await queue.PeekMessagesAsync(32)).ShouldNotContain(m => m.MessageId == first.MessageId);
    }

    [Fact]
    public async Task Queue_message_text_survives_the_base64_encoding_the_functions_trigger_expects()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("olá, ação <xml> & \"json\"");

        var message = (await queue.PeekMessagesAsync()).Single();

        message.MessageText.ShouldBe("olá, ação <xml> & \"json\"");
    }

    [Fact]
    public async Task Oversized_queue_message_is_refused_before_sending()
    {
        await Should.ThrowAsync<StorageLimitException>(() => _sharedQueue.SendMessageAsync(new string('x', 50_000)));
    }

    [Fact]
    public async Task Blob_and_queue_calls_are_counted_by_service()
    {
        var queue = await NewQueueAsync();
        using var scope = StorageTransactions.BeginScope();
        await _container.UploadAsync("count.txt", BinaryData.FromString("x"), "text/plain");
        await queue.SendMessageAsync("x");
        await queue.PeekMessagesAsync();

        scope.BlobCount.ShouldBe(1);
        scope.QueueCount.ShouldBe(2);
        scope.TableCount.ShouldBe(0);
    }
}
