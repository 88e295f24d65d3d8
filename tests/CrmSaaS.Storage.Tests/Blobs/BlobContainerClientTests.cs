using System.Net;
using System.Text;
using Azure;
using CrmSaaS.Storage;
using CrmSaaS.TestSupport;

namespace CrmSaaS.Storage.Tests.Blobs;

public sealed class BlobContainerClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly HttpClient _http = new();
    private BlobContainerClient _container = null!;

    public async Task InitializeAsync()
    {
        _container = azurite.Account.GetBlobContainerClient(TestNames.Container("files"));
        await _container.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateIfNotExists_is_idempotent()
    {
        await _container.CreateIfNotExistsAsync();

        await _container.UploadAsync("a.txt", BinaryData.FromString("a"), "text/plain");
        await _container.CreateIfNotExistsAsync();
        (await _container.GetPropertiesAsync("a.txt")).ContentLength.ShouldBe(1);
    }

    [Fact]
    public async Task Upload_and_download_keep_bytes_content_type_and_metadata()
    {
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        var metadata = new Dictionary<string, string> { ["tenant"] = "t1", ["originalName"] = Uri.EscapeDataString("orçamento 2026.pdf") };

        var uploaded = await _container.UploadAsync("tenant1/proposals/p1.pdf", new MemoryStream(bytes), "application/pdf", metadata);
        await using var download = await _container.DownloadAsync("tenant1/proposals/p1.pdf");
        var read = new MemoryStream();
        await download.Content.CopyToAsync(read);

        read.ToArray().ShouldBe(bytes);
        uploaded.ContentLength.ShouldBe(bytes.Length);
        download.Properties.ContentLength.ShouldBe(bytes.Length);
        download.Properties.ContentType.ShouldBe("application/pdf");
        download.Properties.ETag.ShouldBe(uploaded.ETag);
        download.Properties.LastModified.ShouldNotBeNull();
        download.Properties.Metadata["tenant"].ShouldBe("t1");
        Uri.UnescapeDataString(download.Properties.Metadata["originalName"]).ShouldBe("orçamento 2026.pdf");
    }

    [Fact]
    public async Task An_empty_blob_round_trips()
    {
        await _container.UploadAsync("empty.txt", new MemoryStream(), "text/plain");

        await using var download = await _container.DownloadAsync("empty.txt");
        var read = new MemoryStream();
        await download.Content.CopyToAsync(read);

        read.Length.ShouldBe(0);
        download.Properties.ContentLength.ShouldBe(0);
    }

    [Fact]
    public async Task Deleting_a_container_removes_its_blobs()
    {
        var container = azurite.Account.GetBlobContainerClient(TestNames.Container("dropped"));
        await container.CreateIfNotExistsAsync();
        await container.UploadAsync("a.txt", BinaryData.FromString("a"), "text/plain");

        await container.DeleteAsync();

        var ex = await Should.ThrowAsync<RequestFailedException>(() => container.DownloadAsync("a.txt"));
        (ex.Status, ex.ErrorCode).ShouldBe((404, "ContainerNotFound"));
    }

    [Fact]
    public async Task A_forward_only_stream_is_uploaded_whole()
    {
        var text = string.Concat(Enumerable.Repeat("linha de texto\n", 5000));

        await _container.UploadAsync("stream.txt", new ForwardOnlyStream(Encoding.UTF8.GetBytes(text)), "text/plain; charset=utf-8");

        (await _container.DownloadContentAsync("stream.txt")).ToString().ShouldBe(text);
    }

    [Fact]
    public async Task GetProperties_reads_headers_without_the_body()
    {
        await _container.UploadAsync("props.json", BinaryData.FromString("{\"a\":1}"), "application/json", new Dictionary<string, string> { ["kind"] = "test" });

        var properties = await _container.GetPropertiesAsync("props.json");

        properties.Name.ShouldBe("props.json");
        properties.ContentLength.ShouldBe(7);
        properties.ContentType.ShouldBe("application/json");
        properties.Metadata["kind"].ShouldBe("test");
    }

    [Fact]
    public async Task Missing_blobs_fail_with_404_BlobNotFound()
    {
        var download = await Should.ThrowAsync<RequestFailedException>(() => _container.DownloadAsync("nope.bin"));
        var properties = await Should.ThrowAsync<RequestFailedException>(() => _container.GetPropertiesAsync("nope.bin"));
        var delete = await Should.ThrowAsync<RequestFailedException>(() => _container.DeleteAsync("nope.bin"));

        (download.Status, download.ErrorCode).ShouldBe((404, "BlobNotFound"));
        (properties.Status, properties.ErrorCode).ShouldBe((404, "BlobNotFound"));
        (delete.Status, delete.ErrorCode).ShouldBe((404, "BlobNotFound"));
    }

    [Fact]
    public async Task Overwrite_false_refuses_an_existing_blob_with_409()
    {
        await _container.UploadAsync("once.txt", BinaryData.FromString("first"), "text/plain", overwrite: false);

        var ex = await Should.ThrowAsync<RequestFailedException>(() =>
            _container.UploadAsync("once.txt", BinaryData.FromString("second"), "text/plain", overwrite: false));

        ex.Status.ShouldBe(409);
        ex.ErrorCode.ShouldBe("BlobAlreadyExists");
        (await _container.DownloadContentAsync("once.txt")).ToString().ShouldBe("first");

        await _container.UploadAsync("once.txt", BinaryData.FromString("third"), "text/plain");
        (await _container.DownloadContentAsync("once.txt")).ToString().ShouldBe("third");
    }

    [Fact]
    public async Task Delete_and_DeleteIfExists_remove_the_blob()
    {
        await _container.UploadAsync("gone.txt", BinaryData.FromString("x"), "text/plain");
        await _container.UploadAsync("gone2.txt", BinaryData.FromString("x"), "text/plain");

        await _container.DeleteAsync("gone.txt");
        (await _container.DeleteIfExistsAsync("gone2.txt")).ShouldBeTrue();
        (await _container.DeleteIfExistsAsync("gone2.txt")).ShouldBeFalse();

        var names = await ToListAsync(_container.ListAsync("gone"));
        names.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeleteIfExists_in_a_missing_container_returns_false()
    {
        var missing = azurite.Account.GetBlobContainerClient(TestNames.Container("missing"));

        (await missing.DeleteIfExistsAsync("x.txt")).ShouldBeFalse();
    }

    [Fact]
    public async Task List_filters_by_prefix_and_reports_sizes()
    {
        await _container.UploadAsync("list/a.txt", BinaryData.FromString("aa"), "text/plain");
        await _container.UploadAsync("list/b/c.txt", BinaryData.FromString("ccc"), "text/csv");
        await _container.UploadAsync("listing.txt", BinaryData.FromString("x"), "text/plain");

        var items = await ToListAsync(_container.ListAsync("list/"));

        items.Select(i => i.Name).ShouldBe(["list/a.txt", "list/b/c.txt"]);
        items[1].ContentLength.ShouldBe(3);
        items[1].ContentType.ShouldBe("text/csv");
        items[1].LastModified.ShouldNotBeNull();
    }

    [Fact]
    public async Task List_follows_the_next_marker_across_pages()
    {
        var names = Enumerable.Range(0, 7).Select(i => $"paged/{i:D2}.txt").ToList();
        foreach (var name in names)
        {
            await _container.UploadAsync(name, BinaryData.FromString(name), "text/plain");
        }

        using var scope = StorageTransactions.BeginScope();
        var items = await ToListAsync(_container.ListAsync("paged/", pageSize: 3));

        items.Select(i => i.Name).ShouldBe(names);
        scope.BlobCount.ShouldBe(3);
    }

    [Fact]
    public async Task Names_with_spaces_and_accents_round_trip()
    {
        const string name = "clientes/João da Silva/orçamento #1 (final).pdf";
        await _container.UploadAsync(name, BinaryData.FromString("pdf"), "application/pdf");

        (await _container.DownloadContentAsync(name)).ToString().ShouldBe("pdf");
        (await ToListAsync(_container.ListAsync("clientes/João"))).Single().Name.ShouldBe(name);
    }

    [Fact]
    public async Task Read_sas_works_with_plain_http_until_expiry_and_only_for_its_blob()
    {
        const string name = "sas/contrato assinado.pdf";
        await _container.UploadAsync(name, BinaryData.FromString("assinado"), "application/pdf");
        await _container.UploadAsync("sas/other.pdf", BinaryData.FromString("outro"), "application/pdf");

        var sas = _container.GenerateReadSasUri(name, DateTimeOffset.UtcNow.AddMinutes(5));
        var ok = await _http.GetAsync(sas);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadAsStringAsync()).ShouldBe("assinado");

        var otherBlob = new UriBuilder(sas) { Path = _container.GetBlobUri("sas/other.pdf").AbsolutePath }.Uri;
        (await _http.GetAsync(otherBlob)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var write = new HttpRequestMessage(HttpMethod.Put, sas) { Content = new StringContent("forjado") };
        write.Headers.Add("x-ms-blob-type", "BlockBlob");
        (await _http.SendAsync(write)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var expired = _container.GenerateReadSasUri(name, DateTimeOffset.UtcNow.AddSeconds(-1));
        (await _http.GetAsync(expired)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Read_sas_stops_working_after_it_expires()
    {
        await _container.UploadAsync("sas/short.txt", BinaryData.FromString("x"), "text/plain");
        var expiresOn = DateTimeOffset.UtcNow.AddSeconds(4);
        var sas = _container.GenerateReadSasUri("sas/short.txt", expiresOn);

        (await _http.GetAsync(sas)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Task.Delay(expiresOn - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1.5));
        (await _http.GetAsync(sas)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Blob_calls_are_counted_as_blob_transactions()
    {
        using var scope = StorageTransactions.BeginScope();

        await _container.UploadAsync("count.txt", BinaryData.FromString("x"), "text/plain");
        await _container.GetPropertiesAsync("count.txt");
        await _container.DeleteAsync("count.txt");

        scope.BlobCount.ShouldBe(3);
        scope.Count.ShouldBe(3);
        scope.TableCount.ShouldBe(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ends-with-slash/")]
    [InlineData("/leading")]
    [InlineData("double//slash")]
    [InlineData("ends.")]
    public async Task Invalid_blob_names_are_refused_before_sending(string name)
    {
        using var scope = StorageTransactions.BeginScope();

        await Should.ThrowAsync<StorageLimitException>(() => _container.UploadAsync(name, BinaryData.FromString("x"), "text/plain"));

        scope.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Metadata_that_cannot_travel_as_a_header_is_refused()
    {
        await Should.ThrowAsync<StorageLimitException>(() => _container.UploadAsync(
            "m.txt", BinaryData.FromString("x"), "text/plain", new Dictionary<string, string> { ["name"] = "orçamento" }));
        await Should.ThrowAsync<StorageLimitException>(() => _container.UploadAsync(
            "m.txt", BinaryData.FromString("x"), "text/plain", new Dictionary<string, string> { ["bad-name"] = "x" }));
        await Should.ThrowAsync<StorageLimitException>(() => _container.UploadAsync(
            "m.txt", BinaryData.FromString("x"), "text/plain", new Dictionary<string, string> { ["big"] = new string('x', 9000) }));
    }

    [Fact]
    public void Invalid_container_names_are_refused()
    {
        Should.Throw<StorageLimitException>(() => azurite.Account.GetBlobContainerClient("Has-Upper"));
        Should.Throw<StorageLimitException>(() => azurite.Account.GetBlobContainerClient("a--b"));
        Should.Throw<StorageLimitException>(() => azurite.Account.GetBlobContainerClient("ab"));
    }

    private static async Task<List<BlobItem>> ToListAsync(IAsyncEnumerable<BlobItem> source)
    {
        var list = new List<BlobItem>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
