using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Azure.Core.Pipeline;
using CrmSaaS.Storage;

namespace CrmSaaS.TestSupport;

/// <summary>
/// One Azurite per test process, on free loopback ports and a fresh temp folder, killed when the process exits.
/// Set CRMSAAS_TEST_STORAGE to a connection string to test against that storage instead.
/// A second, HTTPS + OAuth Azurite (<see cref="GetSharedOAuthAsync"/>) exercises the managed-identity path.
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    public const string StorageEnvironmentVariable = "CRMSAAS_TEST_STORAGE";

    private static readonly Lazy<Task<AzuriteInstance>> _shared = new(StartSharedAsync);
    private static readonly Lazy<Task<AzuriteInstance>> _sharedOAuth = new(() => StartAsync(oauth: true));
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(60);

    private readonly Process? _process;
    private readonly string? _location;
    private int _disposed;

    private AzuriteInstance(string connectionString, Process? process, string? location, StringBuilder output, X509Certificate2? certificate)
    {
        ConnectionString = connectionString;
        Certificate = certificate;
        var keyAccount = StorageAccount.Parse(connectionString, CreateOptions());
        Account = certificate is null
            ? keyAccount
            : StorageAccount.FromEndpoints(keyAccount.TableEndpoint, keyAccount.BlobEndpoint, keyAccount.QueueEndpoint, new AzuriteTokenCredential(), CreateOptions());
        _process = process;
        _location = location;
    }

    /// <summary>Key-based connection string (for the OAuth instance: https endpoints with a self-signed certificate).</summary>
    public string ConnectionString { get; }

    /// <summary>The account tests use: Shared Key, or for the OAuth instance a bearer token from <see cref="AzuriteTokenCredential"/>.</summary>
    public StorageAccount Account { get; }

    /// <summary>The self-signed certificate of the HTTPS instance; null for the plain one.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>True when this instance started (and owns) an Azurite process.</summary>
    public bool IsLocalAzurite => _process is not null;

    public static Task<AzuriteInstance> GetSharedAsync() => _shared.Value;

    /// <summary>
    /// A second Azurite on HTTPS (self-signed certificate) with <c>--oauth basic</c>, so bearer tokens and
    /// user-delegation SAS can be tested. Always a local Azurite, even when CRMSAAS_TEST_STORAGE is set.
    /// </summary>
    public static Task<AzuriteInstance> GetSharedOAuthAsync() => _sharedOAuth.Value;

    /// <summary>Client options whose transport trusts this instance's certificate (plain defaults for the HTTP instance).</summary>
    public StorageClientOptions CreateOptions()
    {
        var options = new StorageClientOptions();
        if (Certificate is not null)
        {
            options.Transport = new HttpClientTransport(CreateHandler());
        }

        return options;
    }

    /// <summary>An HttpClient for raw requests (SAS URLs) that trusts this instance's certificate.</summary>
    public HttpClient CreateHttpClient() => new(CreateHandler());

    private SocketsHttpHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler();
        if (Certificate is { } expected)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && certificate.GetCertHashString() == expected.Thumbprint);
        }

        return handler;
    }

    public ValueTask DisposeAsync()
    {
        Stop(atExit: false);
        return ValueTask.CompletedTask;
    }

    private void Stop(bool atExit)
    {
        if (_process is null || Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // The shell watchdog owns the shutdown: on TERM, or once this process is gone, it kills Azurite and
                // removes its folder. At exit there is nothing to do (the runner may kill us at any moment anyway).
                if (!atExit)
                {
                    using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    term.WaitForExit();
                    _process.WaitForExit(TimeSpan.FromSeconds(10));
                }

                return;
            }

            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(3));
            if (_location is not null && Directory.Exists(_location))
            {
                Directory.Delete(_location, recursive: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static Task<AzuriteInstance> StartSharedAsync()
    {
        var external = Environment.GetEnvironmentVariable(StorageEnvironmentVariable);
        return string.IsNullOrWhiteSpace(external)
            ? StartAsync(oauth: false)
            : Task.FromResult(new AzuriteInstance(external, null, null, new StringBuilder(), null));
    }

    private static async Task<AzuriteInstance> StartAsync(bool oauth)
    {
        var azurite = FindAzurite();
        var location = Path.Combine(Path.GetTempPath(), "crmsaas-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(location);
        var (blobPort, queuePort, tablePort) = (FreePort(), FreePort(), FreePort());
        var certificate = oauth ? CreateCertificate(location) : null;
        var scheme = oauth ? "https" : "http";

        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = location,
        };
        if (OperatingSystem.IsWindows())
        {
            startInfo.FileName = azurite;
        }
        else
        {
            // A small shell watchdog runs Azurite and, when told (TERM) or when this test process is gone however it
            // ended, kills Azurite and removes its folder: no emulator or temp folder outlives its tests.
            startInfo.FileName = "/bin/sh";
            startInfo.Environment["CRMSAAS_AZURITE_LOCATION"] = location;
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add(
                "\"$0\" \"$@\" & child=$!; " +
                "cleanup() { kill $child 2>/dev/null; wait $child 2>/dev/null; rm -rf \"$CRMSAAS_AZURITE_LOCATION\"; exit 0; }; " +
                "trap cleanup INT TERM; " +
                $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1 & wait $!; done; " +
                "cleanup");
            startInfo.ArgumentList.Add(azurite);
        }

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

        if (oauth)
        {
            // Azurite only accepts bearer tokens over HTTPS; "basic" checks issuer, audience and lifetime, not signatures.
            foreach (var argument in new[] { "--oauth", "basic", "--cert", Path.Combine(location, "cert.pem"), "--key", Path.Combine(location, "key.pem") })
            {
                startInfo.ArgumentList.Add(argument);
            }
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var connectionString =
            $"DefaultEndpointsProtocol={scheme};" +
            $"AccountName={StorageAccount.DevelopmentAccountName};AccountKey={StorageAccount.DevelopmentAccountKey};" +
            $"BlobEndpoint={scheme}://127.0.0.1:{blobPort}/{StorageAccount.DevelopmentAccountName};" +
            $"QueueEndpoint={scheme}://127.0.0.1:{queuePort}/{StorageAccount.DevelopmentAccountName};" +
            $"TableEndpoint={scheme}://127.0.0.1:{tablePort}/{StorageAccount.DevelopmentAccountName};";
        var instance = new AzuriteInstance(connectionString, process, location, output, certificate);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => instance.Stop(atExit: true);

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
        var modules = RepositoryPaths.ToolsNodeModules();
        var azurite = Path.Combine(modules, ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed in {modules}. Run `cd tools && npm ci` (the repository's test script does it), " +
                $"or set {StorageEnvironmentVariable} to a storage connection string.");
        }

        return azurite;
    }

    private static X509Certificate2 CreateCertificate(string location)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(location, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(location, "key.pem"), rsa.ExportPkcs8PrivateKeyPem());
        return certificate;
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
