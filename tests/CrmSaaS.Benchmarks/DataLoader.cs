using System.Diagnostics;
using System.Text.Json;

namespace CrmSaaS.Benchmarks;

/// <summary>The tenant's data, loaded through the public API so every index and counter is what real use leaves.</summary>
public sealed class Dataset
{
    public List<string> CustomerIds { get; } = [];
    public List<string> AccountIds { get; } = [];
    public List<string> OpportunityIds { get; } = [];
    public List<string> OrderIds { get; } = [];
    public List<string> ServiceIds { get; } = [];
    public int Tasks { get; set; }
    public int InventoryItems { get; set; }
}

public static class DataLoader
{
    /// <summary>Customers, accounts, opportunities with tickets, orders whose units become tasks, inventory items.</summary>
    public static async Task<Dataset> LoadAsync(Api api, double scale, int concurrency)
    {
        var data = new Dataset();
        var customers = Scaled(1_000, scale);
        var opportunities = Scaled(10_000, scale);
        var orders = Scaled(2_000, scale);
        var unitsPerOrder = 10; // 2 000 orders × 10 units = 20 000 tasks
        var inventory = Scaled(2_000, scale);

        foreach (var (name, i) in BrazilianData.Services.Select((s, i) => (s, i)))
        {
            data.ServiceIds.Add((await api.PostAsync("/api/catalogue/services", new
            {
                code = $"SV{i + 1:D3}",
                description = name,
                unitPrice = 120m + (i * 35m),
                municipalServiceCode = "14.01",
                issRate = 2m + (i % 4),
            })).GetProperty("id").GetString()!);
        }

        await StepAsync("clientes", customers, concurrency, async i =>
        {
            var (city, state) = BrazilianData.City(i);
            var id = (await api.PostAsync("/api/customers", new
            {
                legalName = BrazilianData.Company(i) + " Ltda",
                tradeName = BrazilianData.Company(i),
                taxId = i % 5 == 0 ? BrazilianData.Cpf() : BrazilianData.Cnpj(),
                email = $"contato{i}@cliente.com.br",
                phone = "(11) 3333-4444",
                city,
                state,
            })).GetProperty("id").GetString()!;
            var account = (await api.PostAsync("/api/accounts", new { name = BrazilianData.Company(i), city, state, customerId = id })).GetProperty("id").GetString()!;
            lock (data)
            {
                data.CustomerIds.Add(id);
                data.AccountIds.Add(account);
            }
        });

        await StepAsync("oportunidades", opportunities, concurrency, async i =>
        {
            var id = (await api.PostAsync("/api/opportunities", new
            {
                title = $"{BrazilianData.Services[i % BrazilianData.Services.Length]} - {BrazilianData.Company(i % customers)}",
                accountId = data.AccountIds[i % data.AccountIds.Count],
            })).GetProperty("id").GetString()!;
            lock (data)
            {
                data.OpportunityIds.Add(id);
            }
        });

        await StepAsync("pedidos", orders, concurrency, async i =>
        {
            var id = await CreateConfirmedOrderAsync(api, data.CustomerIds[i % data.CustomerIds.Count], data.ServiceIds[i % data.ServiceIds.Count], unitsPerOrder);
            lock (data)
            {
                data.OrderIds.Add(id);
            }
        });
        data.Tasks = await WaitForTasksAsync(api, data.OrderIds, unitsPerOrder);

        // Inventory items need the customer's site and contract and a product/service type.
        var typeId = (await api.PostAsync("/api/catalogue/product-service-types", new { name = "Ar-condicionado split", kind = "product" })).GetProperty("id").GetString()!;
        var owners = data.CustomerIds.Take(Math.Min(50, data.CustomerIds.Count)).ToList();
        var places = new List<(string Customer, string Site, string Contract)>();
        foreach (var customerId in owners)
        {
            var site = (await api.PostAsync($"/api/customers/{customerId}/sites", new { name = "Matriz", city = "São Paulo", state = "SP" })).GetProperty("id").GetString()!;
            var contract = (await api.PostAsync("/api/contracts", new
            {
                customerId,
                title = "Contrato de manutenção",
                startDate = DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                recurrence = "monthly",
                items = new[] { new { serviceId = data.ServiceIds[0], quantity = 1m } },
            })).GetProperty("id").GetString()!;
            places.Add((customerId, site, contract));
        }

        await StepAsync("inventário", inventory, concurrency, async i =>
        {
            var (customerId, siteId, contractId) = places[i % places.Count];
            await api.PostAsync("/api/inventory", new
            {
                serialNumber = BrazilianData.Serial(i),
                customerId,
                siteId,
                contractId,
                typeId,
                description = "Split 12.000 BTUs",
            });
        });
        data.InventoryItems = inventory;
        return data;
    }

    public static async Task<string> CreateConfirmedOrderAsync(Api api, string customerId, string serviceId, int units)
    {
        var (order, _, etag) = await api.SendAsync(HttpMethod.Post, "/api/sales-orders", new
        {
            customerId,
            paymentTerms = "30/60/90",
            generateOpportunity = true,
            items = new[] { new { kind = "service", serviceId, quantity = (decimal)units } },
        });
        var id = order.GetProperty("id").GetString()!;
        await api.SendAsync(HttpMethod.Post, $"/api/sales-orders/{id}/confirm", null, etag ?? order.GetProperty("etag").GetString());
        return id;
    }

    /// <summary>Polls the tasks of each order until all its units exist (the order → CRM queue step is asynchronous).</summary>
    public static async Task<int> WaitForTasksAsync(Api api, IEnumerable<string> orderIds, int unitsPerOrder, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var total = 0;
        foreach (var orderId in orderIds)
        {
            while (true)
            {
                var count = await CountTasksAsync(api, orderId);
                if (count >= unitsPerOrder)
                {
                    total += count;
                    break;
                }

                if (deadline.Elapsed > (timeout ?? TimeSpan.FromMinutes(20)))
                {
                    throw new TimeoutException($"Order {orderId} has {count} of {unitsPerOrder} tasks.");
                }

                await Task.Delay(50);
            }
        }

        return total;
    }

    public static async Task<int> CountTasksAsync(Api api, string orderId)
    {
        var count = 0;
        string? continuation = null;
        do
        {
            var page = await api.GetAsync($"/api/tasks?orderId={orderId}&pageSize=200" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation)));
            count += page.GetProperty("items").GetArrayLength();
            continuation = page.TryGetProperty("continuation", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (continuation is not null);
        return count;
    }

    private static int Scaled(int count, double scale) => Math.Max(1, (int)Math.Round(count * scale));

    private static async Task StepAsync(string what, int count, int concurrency, Func<int, Task> create)
    {
        var clock = Stopwatch.StartNew();
        var (samples, _) = await Load.RunAsync(count, concurrency, async i =>
        {
            await create(i);
            return new Sample(0, 0, true);
        });
        var failed = samples.Count(s => !s.Succeeded);
        Console.WriteLine($"  carga: {count} {what} em {clock.Elapsed.TotalSeconds:0.0} s{(failed > 0 ? $" ({failed} falhas)" : "")}");
    }
}
