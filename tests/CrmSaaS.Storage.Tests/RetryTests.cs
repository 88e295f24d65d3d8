using System.Net;
using System.Net.Sockets;
using System.Text;
using CrmSaaS.Storage;

namespace CrmSaaS.Storage.Tests;

/// <summary>Retries on throttling and server errors, against a local fake that fails first and then answers.</summary>
public sealed class RetryTests
{
    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task Transient_failures_are_retried_and_every_attempt_is_counted(int failure)
    {
        using var fake = new FlakyTableService(failuresBeforeSuccess: 2, failure);
        var account = StorageAccount.Parse(
            $"AccountName=devstoreaccount1;AccountKey={StorageAccount.DevelopmentAccountKey};TableEndpoint={fake.Endpoint};" +
            $"BlobEndpoint={fake.Endpoint};QueueEndpoint={fake.Endpoint}");
        using var scope = StorageTransactions.BeginScope();

        var entity = await account.GetTableClient("retries").GetEntityAsync("p", "r");

        entity.GetString("Name").ShouldBe("ok");
        fake.Requests.ShouldBe(3);
        scope.TableCount.ShouldBe(3);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        using var fake = new FlakyTableService(failuresBeforeSuccess: 5, failureStatus: 400);
        var account = StorageAccount.Parse(
            $"AccountName=devstoreaccount1;AccountKey={StorageAccount.DevelopmentAccountKey};TableEndpoint={fake.Endpoint};" +
            $"BlobEndpoint={fake.Endpoint};QueueEndpoint={fake.Endpoint}");

        var error = await Should.ThrowAsync<Azure.RequestFailedException>(() => account.GetTableClient("retries").GetEntityAsync("p", "r"));

        error.Status.ShouldBe(400);
        fake.Requests.ShouldBe(1);
    }

    private sealed class FlakyTableService : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly int _failures;
        private readonly int _failureStatus;
        private int _requests;

        public FlakyTableService(int failuresBeforeSuccess, int failureStatus)
        {
            _failures = failuresBeforeSuccess;
            _failureStatus = failureStatus;
            var port = FreePort();
            Endpoint = $"http://127.0.0.1:{port}/devstoreaccount1";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = ServeAsync();
        }

        public string Endpoint { get; }
        public int Requests => Volatile.Read(ref _requests);

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var attempt = Interlocked.Increment(ref _requests);
                var fail = attempt <= _failures;
                context.Response.StatusCode = fail ? _failureStatus : 200;
                context.Response.ContentType = "application/json";
                if (fail && _failureStatus == 429)
                {
                    context.Response.AddHeader("Retry-After", "0");
                }

                var body = fail
                    ? """{"odata.error":{"code":"ServerBusy","message":{"value":"busy"}}}"""
                    : """{"PartitionKey":"p","RowKey":"r","Name":"ok"}""";
                var bytes = Encoding.UTF8.GetBytes(body);
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
        }
    }
}
