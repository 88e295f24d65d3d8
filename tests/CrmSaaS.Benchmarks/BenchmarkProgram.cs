using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

using CrmSaaS.Storage;
using CrmSaaS.TestSupport;

namespace CrmSaaS.Benchmarks;

/// <summary>
/// Usage: dotnet run -c Release --project tests/CrmSaaS.Benchmarks -- [--scale 1.0] [--levels 1,8,32] [--out artifacts/benchmarks]
///   [--only "text in scenario names"] (e.g. to compare one workflow before and after a change)
///   [--startup-compare name=publishDir,name=publishDir] (only start-up: each published build started 7 times, medians)
/// The whole product on this machine (Azurite, MailDev, the API), a tenant loaded through the API, then each workflow at
/// each concurrency level; results as Markdown and JSON. Not part of the test run: figures, not pass/fail.
/// </summary>
internal static class BenchmarkProgram
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var scale = double.Parse(Option(args, "--scale") ?? "1.0", CultureInfo.InvariantCulture);
        var levels = (Option(args, "--levels") ?? "1,8,32").Split(',').Select(int.Parse).ToArray();
        var output = Option(args, "--out") ?? Path.Combine(RepositoryPaths.Root(), "artifacts", "benchmarks");
        var only = Option(args, "--only");
        Directory.CreateDirectory(output);

        if (Option(args, "--startup-compare") is { } builds)
        {
            return await CompareStartupAsync(builds, output);
        }

        Console.WriteLine($"CrmSaaS benchmark — escala {scale}, concorrência {string.Join("/", levels)}");
        await using var stack = await BenchStack.StartAsync();
        var floorMs = await MeasureFloorAsync(stack.Azurite);
        Console.WriteLine($"  piso: uma leitura de entidade no Azurite = {Load.Ms(floorMs)} ms (p50 de 300)");

        var (admin, slug) = await stack.SignUpAsync("Clima Bench Refrigeração");
        var loadClock = Stopwatch.StartNew();
        var data = await DataLoader.LoadAsync(admin, scale, concurrency: 16);
        Console.WriteLine($"  carga completa em {loadClock.Elapsed.TotalMinutes:0.0} min: {data.CustomerIds.Count} clientes, {data.OpportunityIds.Count + data.OrderIds.Count} oportunidades, {data.OrderIds.Count} pedidos, {data.Tasks} tarefas, {data.InventoryItems} itens de inventário");

        var results = new List<ScenarioResult>();
        var scenarios = (await new Scenarios(stack, admin, slug, data).BuildAsync())
            .Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase));
        foreach (var scenario in scenarios)
        {
            foreach (var level in levels.Where(l => scenario.Levels is null || scenario.Levels.Contains(l)))
            {
                var count = Math.Max(scenario.BaseOperations, level * (scenario.BaseOperations >= 100 ? 10 : 1));
                var (samples, wall) = await Load.RunAsync(count, level, scenario.Operation);
                var result = ScenarioResult.From(scenario.Name, level, samples, wall, floorMs);
                results.Add(result);
                Console.WriteLine($"  {scenario.Name} @ {level}: p50 {Load.Ms(result.P50)} ms, p95 {Load.Ms(result.P95)} ms, p99 {Load.Ms(result.P99)} ms, {result.Throughput:0.0}/s, {result.TransactionsPerOperation:0.0} transações, {result.FloorRatio:0.0}× o piso");
            }
        }

        var apiDll = Path.Combine(RepositoryPaths.Root(), "functions", "CrmSaaS.Functions", "bin", "Release", "net10.0", "CrmSaaS.Functions.dll");
        var startupPrefix = "st" + Guid.NewGuid().ToString("N")[..8];
        await BenchStack.MeasureStartupAsync(stack.Azurite.ConnectionString, apiDll, startupPrefix, asFunctionsHost: false);
        var startup = await BenchStack.MeasureStartupAsync(stack.Azurite.ConnectionString, apiDll, startupPrefix);
        if (startup is not null)
        {
            Console.WriteLine($"  partida: primeira resposta em {startup.FirstAnswerMs:0} ms; memória {startup.MemoryAtRestMb:0} MB em repouso, {startup.MemoryUnderLoadMb:0} MB sob carga");
        }

        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var machine = $"{Environment.ProcessorCount} núcleos, {Environment.OSVersion}, .NET {Environment.Version}";
        await File.WriteAllTextAsync(Path.Combine(output, $"benchmark-{stamp}.json"), JsonSerializer.Serialize(new
        {
            machine, scale, floorMs, data = new { customers = data.CustomerIds.Count, opportunities = data.OpportunityIds.Count + data.OrderIds.Count, orders = data.OrderIds.Count, tasks = data.Tasks, inventory = data.InventoryItems },
            results, startup,
        }, Indented));
        await File.WriteAllTextAsync(Path.Combine(output, $"benchmark-{stamp}.md"), Markdown(results, machine, floorMs, startup, data, scale));
        Console.WriteLine($"  resultados em {output}/benchmark-{stamp}.md e .json");
        return 0;
    }

    /// <summary>Start-up of published builds (e.g. with and without ReadyToRun) as the Functions host starts them, runs interleaved.</summary>
    static async Task<int> CompareStartupAsync(string builds, string output)
    {
        const int Runs = 7;
        var apps = builds.Split(',').Select(b => b.Split('=', 2)).Select(p => (Name: p[0], Executable: Path.Combine(p[1], "CrmSaaS.Functions"))).ToList();
        var azurite = await AzuriteInstance.GetSharedAsync();
        var prefix = "st" + Guid.NewGuid().ToString("N")[..8];
        await BenchStack.MeasureStartupAsync(azurite.ConnectionString, apps[0].Executable, prefix, asFunctionsHost: false);
        var runs = apps.ToDictionary(a => a.Name, _ => new List<StartupResult>());
        for (var run = 0; run < Runs; run++)
        {
            foreach (var (name, executable) in apps)
            {
                var result = await BenchStack.MeasureStartupAsync(azurite.ConnectionString, executable, prefix)
                    ?? throw new InvalidOperationException($"{executable} did not answer /api/health");
                runs[name].Add(result);
            }
        }

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Start-up comparison {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({Environment.ProcessorCount} cores, {Runs} interleaved runs each, medians)");
        md.AppendLine();
        md.AppendLine("| Build | First answer ms | Working set at rest MB | After 500 health checks MB | Package MB |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (name, executable) in apps)
        {
            static double Median(IEnumerable<double> values) => values.Order().ElementAt(Runs / 2);
            var results = runs[name];
            var packageMb = new DirectoryInfo(Path.GetDirectoryName(executable)!).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1048576.0;
            var line = $"| {name} | {Median(results.Select(r => r.FirstAnswerMs)):0} | {Median(results.Select(r => r.MemoryAtRestMb)):0} | {Median(results.Select(r => r.MemoryUnderLoadMb)):0} | {packageMb:0} |";
            md.AppendLine(line);
            Console.WriteLine(line);
        }

        var file = Path.Combine(output, $"startup-{DateTime.UtcNow:yyyyMMdd-HHmm}.md");
        await File.WriteAllTextAsync(file, md.ToString());
        Console.WriteLine($"  resultados em {file}");
        return 0;
    }

    static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    static async Task<double> MeasureFloorAsync(AzuriteInstance azurite)
    {
        var table = azurite.Account.GetTableClient("benchfloor" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        var entity = new TableEntity("tenant", "row") { ["Name"] = "Padaria São Jorge" };
        await table.UpsertEntityAsync(entity);
        var times = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var clock = Stopwatch.StartNew();
            await table.GetEntityAsync("tenant", "row");
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        await table.DeleteAsync();
        return times.Order().ElementAt(times.Count / 2);
    }

    static string Markdown(List<ScenarioResult> results, string machine, double floorMs, StartupResult? startup, Dataset data, double scale)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}. Scale {scale}: {data.CustomerIds.Count} customers, {data.OpportunityIds.Count + data.OrderIds.Count} opportunities, {data.OrderIds.Count} orders, {data.Tasks} tasks, {data.InventoryItems} inventory items.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Floor (one raw entity read against the same Azurite, p50): **{Load.Ms(floorMs)} ms**.");
        md.AppendLine();
        md.AppendLine("| Scenario | Concurrency | Ops | Failures | p50 ms | p95 ms | p99 ms | Ops/s | Storage tx/op (HTTP) | p50 ÷ (tx × floor) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Concurrency} | {r.Operations} | {r.Failures} | {Load.Ms(r.P50)} | {Load.Ms(r.P95)} | {Load.Ms(r.P99)} | {r.Throughput:0.0} | {r.TransactionsPerOperation:0.0} | {r.FloorRatio:0.0} |");
        }

        if (startup is not null)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Start-up (published Release build, own process): first successful answer after **{startup.FirstAnswerMs:0} ms**; working set {startup.MemoryAtRestMb:0} MB at rest, {startup.MemoryUnderLoadMb:0} MB after 500 concurrent health checks ({startup.FiveHundredHealthChecksMs:0} ms).");
        }

        return md.ToString();
    }
}
