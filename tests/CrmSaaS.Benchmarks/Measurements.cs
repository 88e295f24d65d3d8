using System.Diagnostics;
using System.Globalization;

namespace CrmSaaS.Benchmarks;

/// <summary>One timed business operation: how long it took and how many storage transactions the API reported for it.</summary>
public readonly record struct Sample(double Milliseconds, int Transactions, bool Succeeded);

/// <summary>The figures of one scenario at one concurrency level.</summary>
public sealed record ScenarioResult(
    string Scenario,
    int Concurrency,
    int Operations,
    int Failures,
    double P50,
    double P95,
    double P99,
    double Throughput,
    double TransactionsPerOperation,
    double FloorRatio)
{
    public static ScenarioResult From(string scenario, int concurrency, IReadOnlyList<Sample> samples, TimeSpan wall, double floorMs)
    {
        var ok = samples.Where(s => s.Succeeded).Select(s => s.Milliseconds).Order().ToArray();
        var transactions = samples.Where(s => s.Succeeded).Select(s => (double)s.Transactions).DefaultIfEmpty(0).Average();
        var p50 = Percentile(ok, 0.50);

        // The floor: what the operation's storage round trips alone would cost, done one after another.
        var floorCost = Math.Max(1, transactions) * floorMs;
        return new ScenarioResult(
            scenario, concurrency, samples.Count, samples.Count(s => !s.Succeeded),
            p50, Percentile(ok, 0.95), Percentile(ok, 0.99),
            samples.Count / Math.Max(wall.TotalSeconds, 0.001),
            transactions,
            p50 / floorCost);
    }

    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}

/// <summary>Runs an operation <c>count</c> times with <c>concurrency</c> workers and collects samples.</summary>
public static class Load
{
    public static async Task<(List<Sample> Samples, TimeSpan Wall)> RunAsync(int count, int concurrency, Func<int, Task<Sample>> operation)
    {
        var samples = new List<Sample>(count);
        var next = -1;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                Sample sample;
                try
                {
                    sample = await operation(i);
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    Console.Error.WriteLine($"  falha: {ex.Message}");
                    sample = new Sample(0, 0, false);
                }

                lock (samples)
                {
                    samples.Add(sample);
                }
            }
        });
        await Task.WhenAll(workers);
        return (samples, wall.Elapsed);
    }

    public static string Ms(double value) => double.IsNaN(value) ? "—" : value.ToString("0.0", CultureInfo.InvariantCulture);
}
