using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CrmSaaS.Storage;

namespace CrmSaaS.TestSupport;

/// <summary>
/// One real Azurite per test process (from tools/node_modules), on free ports with a fresh data folder, stopped when
/// the process exits. <c>CRMSAAS_TEST_STORAGE</c> (a connection string) points the tests at another storage instead.
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AzuriteInstance? _shared;
    private readonly Process? _process;
    private readonly string? _dataDirectory;

    private AzuriteInstance(string connectionString, Process? process, string? dataDirectory)
    {
        ConnectionString = connectionString;
        Account = StorageAccount.Parse(connectionString);
        _process = process;
        _dataDirectory = dataDirectory;
    }

    public string ConnectionString { get; }
    public StorageAccount Account { get; }

    public static async Task<AzuriteInstance> GetSharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                var external = Environment.GetEnvironmentVariable("CRMSAAS_TEST_STORAGE");
                _shared = string.IsNullOrWhiteSpace(external) ? await StartAsync() : new AzuriteInstance(external, null, null);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared?.Stop();
            }

            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<AzuriteInstance> StartAsync()
    {
        var bin = Path.Combine(RepositoryPaths.ToolsNodeModules(), ".bin", "azurite");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"Azurite not found at {bin}. Run `cd tools && npm ci` (scripts/test.sh does it).");
        }

        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var data = Directory.CreateTempSubdirectory("crmsaas-azurite-").FullName;
        var info = new ProcessStartInfo(bin)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--silent", "--location", data, "--skipApiVersionCheck",
                     "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var connection =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={StorageAccount.DevelopmentAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        var instance = new AzuriteInstance(connection, process, data);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in new[] { blob, queue, table })
        {
            while (!await AnswersAsync(port))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
                }

                if (DateTime.UtcNow > deadline)
                {
                    instance.Stop();
                    throw new TimeoutException("Azurite did not open its ports within 60 s.");
                }

                await Task.Delay(100);
            }
        }

        return instance;
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Stop()
    {
        try
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        try
        {
            if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Unique, valid resource names so test classes never share tables, queues or containers.</summary>
public static class TestNames
{
    public static string Table(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..16];

    public static string Queue(string prefix = "q") => prefix + "-" + Guid.NewGuid().ToString("N")[..16];

    public static string Container(string prefix = "c") => prefix + "-" + Guid.NewGuid().ToString("N")[..16];
}
