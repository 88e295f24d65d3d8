using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CrmSaaS.Storage;

namespace CrmSaaS.TestSupport;

/// <summary>
/// One Azurite per test process, on free loopback ports and a fresh temp folder, killed when the process exits.
/// Set CRMSAAS_TEST_STORAGE to a connection string to test against that storage instead.
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    public const string StorageEnvironmentVariable = "CRMSAAS_TEST_STORAGE";

    private static readonly Lazy<Task<AzuriteInstance>> _shared = new(StartSharedAsync);
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(60);

    private readonly Process? _process;
    private readonly string? _location;
    private readonly StringBuilder _output;
    private int _disposed;

    private AzuriteInstance(string connectionString, Process? process, string? location, StringBuilder output)
    {
        ConnectionString = connectionString;
        Account = StorageAccount.Parse(connectionString);
        _process = process;
        _location = location;
        _output = output;
    }

    public string ConnectionString { get; }

    public StorageAccount Account { get; }

    /// <summary>True when this instance started (and owns) an Azurite process.</summary>
    public bool IsLocalAzurite => _process is not null;

    public static Task<AzuriteInstance> GetSharedAsync() => _shared.Value;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_process is not null)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            catch (TimeoutException)
            {
                // The process ignored the kill; nothing more to do at shutdown.
            }

            _process.Dispose();
        }

        if (_location is not null)
        {
            try
            {
                Directory.Delete(_location, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static async Task<AzuriteInstance> StartSharedAsync()
    {
        var external = Environment.GetEnvironmentVariable(StorageEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new AzuriteInstance(external, null, null, new StringBuilder());
        }

        var azurite = FindAzurite();
        var location = Path.Combine(Path.GetTempPath(), "crmsaas-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(location);
        var (blobPort, queuePort, tablePort) = (FreePort(), FreePort(), FreePort());

        var startInfo = new ProcessStartInfo(azurite)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = location,
        };
        foreach (var argument in new[]
                 {
                     "--silent", "--disableTelemetry", "--location", location,
                     "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var connectionString =
            "DefaultEndpointsProtocol=http;" +
            $"AccountName={StorageAccount.DevelopmentAccountName};AccountKey={StorageAccount.DevelopmentAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/{StorageAccount.DevelopmentAccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/{StorageAccount.DevelopmentAccountName};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/{StorageAccount.DevelopmentAccountName};";
        var instance = new AzuriteInstance(connectionString, process, location, output);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => instance.DisposeAsync().AsTask().GetAwaiter().GetResult();

        try
        {
            await WaitForPortsAsync(process, output, blobPort, queuePort, tablePort);
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }

        return instance;
    }

    private static string FindAzurite()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var tools = Path.Combine(directory.FullName, "tools");
            if (File.Exists(Path.Combine(tools, "package.json")))
            {
                var azurite = Path.Combine(tools, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
                if (!File.Exists(azurite))
                {
                    throw new InvalidOperationException(
                        $"Azurite is not installed in {tools}. Run `cd tools && npm ci` (the repository's test script does it), " +
                        $"or set {StorageEnvironmentVariable} to a storage connection string.");
                }

                return azurite;
            }
        }

        throw new InvalidOperationException(
            $"No tools/package.json found above {AppContext.BaseDirectory}, so Azurite cannot be located. " +
            $"Run the tests from the repository, or set {StorageEnvironmentVariable} to a storage connection string.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortsAsync(Process process, StringBuilder output, params int[] ports)
    {
        var deadline = DateTime.UtcNow + _startTimeout;
        foreach (var port in ports)
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} while starting:{Environment.NewLine}{Read(output)}");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
                catch (SocketException ex)
                {
                    throw new InvalidOperationException(
                        $"Azurite did not answer on 127.0.0.1:{port} within {_startTimeout.TotalSeconds} s:{Environment.NewLine}{Read(output)}", ex);
                }
            }
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
