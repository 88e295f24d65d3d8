using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tasks;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.SalesOrders;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Tests.Billing;

/// <summary>The app with the local NFS-e fake, as development runs it.</summary>
public sealed class BillingApp : CrmApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Nfse:Gateway"] = "local-fake" };
}

/// <summary>
/// A tenant ready to bill: fiscal settings, a customer with an address, services with their NFS-e codes and ISS rates,
/// a product with stock, and the order → CRM integration on (so confirming an order generates its tasks).
/// </summary>
public sealed class BillingWorld(CrmApp app, TestTenant tenant)
{
    public SalesSeed Seed { get; } = new(app, tenant);

    public HttpClient Admin => Seed.Admin;

    public string CustomerId { get; private set; } = "";

    public static async Task<BillingWorld> CreateAsync(CrmApp app, bool configureFiscal = true, TestTenant? tenant = null)
    {
        var world = new BillingWorld(app, tenant ?? CrmApp.NewTenant("Segurança Total Ltda"));
        await world.Seed.OrderCrmSettingsAsync(defaultGenerate: false);
        world.CustomerId = await world.Seed.CustomerAsync("Condomínio Jardim das Flores");
        await world.Seed.InTenantAsync(table =>
        {
            var row = table.NewEntity("customer|" + world.CustomerId);
            row["CityIbgeCode"] = "3509502";
            row["PostalCode"] = "13015-904";
            row["Street"] = "Rua Barão de Jaguara";
            row["Number"] = "1000";
            row["District"] = "Centro";
            row["Email"] = "sindico@jardimdasflores.example.com";
            return table.UpsertAsync(row, TableUpdateMode.Merge);
        });
        if (configureFiscal)
        {
            var response = await SalesSeed.SendAsync(world.Admin, HttpMethod.Put, "/api/billing/settings",
                new { issuerTaxId = "11.222.333/0001-81", municipalityCode = "3550308", simplesNacional = "MicroOrSmallCompany", series = "1" }, "*");
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        return world;
    }

    public async Task<string> ServiceAsync(string description, decimal price, decimal issRate = 2.5m, string nationalTaxCode = "010701")
    {
        var id = await Seed.ServiceAsync(description, price);
        await Seed.InTenantAsync(table =>
        {
            var row = table.NewEntity("service|" + id);
            row["IssRate"] = issRate;
            row["NationalTaxCode"] = nationalTaxCode;
            return table.UpsertAsync(row, TableUpdateMode.Merge);
        });
        return id;
    }

    public async Task<string> ProductAsync(string description, decimal price, decimal stock)
    {
        var id = await Seed.ProductAsync(description, price);
        await Seed.InTenantAsync(table =>
        {
            var row = table.NewEntity("product|" + id);
            row["Stock"] = stock;
            return table.UpsertAsync(row, TableUpdateMode.Merge);
        });
        return id;
    }

    public async Task<decimal> StockOfAsync(string productId) => (await Seed.RowAsync("product|" + productId))!.GetDecimal("Stock")!.Value;

    /// <summary>Creates an order and confirms it (→ Pedido); with tasks, runs the order → CRM step that generates them.</summary>
    public async Task<JsonElement> ConfirmedOrderAsync(object[] items, string paymentTerms = "30/60/90", bool generateTasks = false)
    {
        var order = await Seed.CreateOrderAsync(new { customerId = CustomerId, paymentTerms, generateOpportunity = generateTasks, items });
        var confirmed = await ConfirmAsync(order);
        await confirmed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        if (generateTasks)
        {
            await app.DrainQueuesAsync();
        }

        return await GetOrderAsync(order.GetProperty("id").GetString()!);
    }

    public Task<HttpResponseMessage> ConfirmAsync(JsonElement order) =>
        SalesSeed.SendAsync(Admin, HttpMethod.Post, $"/api/sales-orders/{order.GetProperty("id").GetString()}/confirm", null, order.GetProperty("etag").GetString());

    public async Task<JsonElement> GetOrderAsync(string orderId) =>
        await (await Admin.GetAsync($"/api/sales-orders/{orderId}")).ReadAsync<JsonElement>();

    /// <summary>Completes an item's tasks in the Central de Tarefas, units <paramref name="firstUnit"/>..<paramref name="lastUnit"/>.</summary>
    public async Task CompleteTasksAsync(string orderId, string itemId, int lastUnit, int firstUnit = 1)
    {
        for (var unit = firstUnit; unit <= lastUnit; unit++)
        {
            var taskId = CrmTask.GeneratedId(orderId, itemId, unit);
            var task = await (await Admin.GetAsync($"/api/tasks/{taskId}")).ReadAsync<JsonElement>();
            var done = await SalesSeed.SendAsync(Admin, HttpMethod.Post, $"/api/tasks/{taskId}/complete", null, task.GetProperty("etag").GetString());
            await done.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
    }

    public Task<HttpResponseMessage> BillAsync(string orderId, object? body = null, HttpClient? client = null) =>
        (client ?? Admin).PostAsJsonAsync($"/api/sales-orders/{orderId}/invoices", body ?? new { }, JsonDefaults.Options);

    public static object ServiceItem(string serviceId, decimal quantity) => new { kind = "service", serviceId, quantity };

    public static object ProductItem(string productId, decimal quantity) => new { kind = "product", productId, quantity };
}
