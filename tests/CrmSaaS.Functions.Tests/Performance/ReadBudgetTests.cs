using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CrmSaaS.Functions.Accounts;
using CrmSaaS.Functions.Opportunities;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Billing;
using CrmSaaS.Functions.Tests.Customers;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.SalesOrders;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmSaaS.Functions.Tests.Performance;

/// <summary>
/// Storage-cost budgets of every read endpoint, as counts rather than times: a read costs a fixed, small number of storage
/// transactions (point reads and range-scan pages) and returns a fixed number of rows from its scans, neither growing
/// with what the tenant holds. Each endpoint is read in a tenant with three records of every kind and again with six;
/// lists ask for pages of 2, so both readings have more records than a page and a read that walks a whole range shows
/// more rows the second time. Every GET route of the API must have a budget here.
/// </summary>
public sealed class ReadBudgetTests(BillingApp app, ITestOutputHelper output) : IClassFixture<BillingApp>
{
    /// <summary>GET routes that read a whole file or export by design, or need no tenant records.</summary>
    private static readonly HashSet<string> NotBudgeted = new(StringComparer.Ordinal)
    {
        "/", "/api/health", "/api/platform/whoami", "/api/customer/whoami",
        // The signed-in user's own row (a point read); it needs a real sign-up, so the identity tests cover it.
        "/api/me",
        // Files streamed from Blob Storage after one point read; their cost is the file's size, not the tenant's data.
        "/api/sales-orders/{id}/attachments/{kind}", "/api/sales-orders/{id}/attachments/{kind}/link",
        "/api/customer-area/orders/{id}/attachments/{kind}", "/api/customer-area/orders/{id}/attachments/{kind}/link",
        "/api/proposal-links/{token}/attachments/{kind}", "/api/invoices/{id}/dps",
        // Exports of everything asked for (the CSV of a customer's inventory, the printable log of a period) grow with it.
        "/api/customers/{customerId}/inventory/export.csv", "/api/customers/{customerId}/occurrences/print",
        // A token link is covered by the customer-area tests; its cost is the token's point reads.
        "/api/proposal-links/{token}",
    };

    /// <summary>The most transactions any read may take; per endpoint below when it reads more than one list.</summary>
    private const int DefaultBudget = 3;

    private static readonly Dictionary<string, int> Budgets = new(StringComparer.Ordinal)
    {
        // Pipeline settings, the statistics rows, then one page per stage (five stages by default).
        ["/api/opportunities/kanban"] = 7,
        ["/api/opportunities/kanban/{stageId}"] = 3,
        // The customer and one scan each of its quotes, orders, invoices (with the sales history) and open receivables, in
        // parallel; each scan is one page while the customer has at most 1 000 rows of that kind.
        ["/api/customers/{id}/overview"] = 5,
        // The opportunity, then in parallel the pipeline stages, its account and its generated documents; the billing customer.
        ["/api/opportunities/{id}/faturamento"] = 5,
        // Order, its task index, its invoices.
        ["/api/sales-orders/{id}/billing"] = 3,
        // The order, its approval links, its approvals, the listing of its files in Blob Storage.
        ["/api/sales-orders/{id}/approval"] = 4,
        // The invoice, then each of its receivables by key in parallel: 1 + installments (three here, "30/60/90").
        ["/api/invoices/{id}"] = 4,
        ["/api/customer-area/dashboard"] = 3,
        ["/api/customer-area/orders/{id}"] = 3,
    };

    /// <summary>
    /// Reads whose rows (not transactions) grow with one customer's history, by design: the overview sums the customer's
    /// sales of the last 12 months and open receivables and takes the latest quotes and orders from their index; the
    /// customer-area dashboard counts the customer's open proposals. Each stays one transaction per scan while the customer
    /// has at most 1 000 rows of that kind (docs/performance.md).
    /// </summary>
    private static readonly HashSet<string> RowsGrowWithTheCustomer = new(StringComparer.Ordinal)
    {
        "/api/customers/{id}/overview", "/api/customer-area/dashboard",
    };

    /// <summary>Reads whose rows vary up to a fixed limit that does not depend on the tenant's data.</summary>
    private static readonly Dictionary<string, int> RowLimits = new(StringComparer.Ordinal)
    {
        // The stage statistics rows: at most eight shards for each of the five stages.
        ["/api/settings/pipeline"] = 5 * StageStatsRows.ShardCount,
        ["/api/opportunities/kanban"] = (5 * StageStatsRows.ShardCount) + (5 * 2),
        ["/api/opportunities/kanban/{stageId}"] = (5 * StageStatsRows.ShardCount) + 2,
        // The account with its first page of contacts.
        ["/api/accounts/{id}"] = AccountStore.ContactsOnAccountPage,
    };

    [Fact]
    public async Task Every_read_costs_the_same_few_transactions_and_rows_whatever_the_tenant_holds()
    {
        var world = await BudgetWorld.CreateAsync(app);
        await world.AddRoundAsync(2);
        await world.AddRoundAsync(3);
        var before = await MeasureAsync(world);

        for (var round = 4; round <= 6; round++)
        {
            await world.AddRoundAsync(round);
        }

        var after = await MeasureAsync(world);

        var report = new StringBuilder();
        foreach (var (route, first) in before)
        {
            var second = after[route];
            var budget = Budgets.GetValueOrDefault(route, DefaultBudget);
            output.WriteLine($"{route}\t{second.Transactions} transactions\t{first.Rows} → {second.Rows} rows\tbudget {budget}");
            var rowsWithinLimit = RowsGrowWithTheCustomer.Contains(route)
                || (RowLimits.TryGetValue(route, out var limit) ? second.Rows <= limit : second.Rows == first.Rows);
            if (second.Transactions != first.Transactions || second.Transactions > budget || !rowsWithinLimit)
            {
                report.AppendLine($"{route}: 3 records of each kind {first}, 6 records {second}, budget {budget} transactions");
            }
        }

        report.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Every_read_endpoint_has_a_budget()
    {
        var measured = BudgetWorld.Reads.Select(r => r.Route).ToHashSet(StringComparer.Ordinal);
        var reads = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/'))
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal) && !NotBudgeted.Contains(r))
            .Distinct()
            .ToList();

        reads.Where(r => !measured.Contains(r)).ShouldBeEmpty("these reads need a budget in ReadBudgetTests");
    }

    private async Task<Dictionary<string, ReadCost>> MeasureAsync(BudgetWorld world)
    {
        var counts = new Dictionary<string, ReadCost>(StringComparer.Ordinal);
        foreach (var read in BudgetWorld.Reads)
        {
            var client = read.AsCustomer ? world.Customer : world.Admin;
            var response = await client.GetAsync(read.Path(world));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {read.Path(world)}: {await response.Content.ReadAsStringAsync()}");
            counts[read.Route] = new ReadCost(response.StorageTransactions(), response.StorageQueryRows());
        }

        return counts;
    }
}

public sealed record ReadCost(long Transactions, long Rows);

/// <summary>One read endpoint: its route pattern and the concrete path in a <see cref="BudgetWorld"/>.</summary>
public sealed record BudgetRead(string Route, Func<BudgetWorld, string> Path, bool AsCustomer = false);

/// <summary>
/// A tenant with records of every kind, all reachable from the first ones (the first customer gets the contacts, sites,
/// occurrences, inventory, orders and invoices of every round), so growing it grows what each read could scan.
/// </summary>
public sealed class BudgetWorld
{
    private const string Page = "pageSize=2";

    public static readonly BudgetRead[] Reads =
    [
        new("/api/users", _ => $"/api/users?{Page}"),
        new("/api/settings/pipeline", _ => "/api/settings/pipeline"),
        new("/api/settings/order-crm", _ => "/api/settings/order-crm"),
        new("/api/billing/settings", _ => "/api/billing/settings"),
        new("/api/customers", _ => $"/api/customers?{Page}"),
        new("/api/customers/{id}", w => $"/api/customers/{w.CustomerId}"),
        new("/api/customers/by-tax-id/{taxId}", w => $"/api/customers/by-tax-id/{w.CustomerTaxId}"),
        new("/api/customers/{id}/contacts", w => $"/api/customers/{w.CustomerId}/contacts?{Page}"),
        new("/api/customers/{id}/contacts/{contactId}", w => $"/api/customers/{w.CustomerId}/contacts/{w.ContactId}"),
        new("/api/customers/{id}/sites", w => $"/api/customers/{w.CustomerId}/sites?{Page}"),
        new("/api/customers/{id}/sites/{siteId}", w => $"/api/customers/{w.CustomerId}/sites/{w.SiteId}"),
        new("/api/customers/{id}/contracts", w => $"/api/customers/{w.CustomerId}/contracts?{Page}"),
        new("/api/customers/{customerId}/occurrences", w => $"/api/customers/{w.CustomerId}/occurrences?{Page}"),
        new("/api/customers/{customerId}/occurrences/{occurrenceId}", w => $"/api/customers/{w.CustomerId}/occurrences/{w.OccurrenceId}"),
        new("/api/customers/{customerId}/portal-access", w => $"/api/customers/{w.CustomerId}/portal-access?{Page}"),
        new("/api/customers/{customerId}/inventory", w => $"/api/customers/{w.CustomerId}/inventory?{Page}"),
        new("/api/customers/{id}/overview", w => $"/api/customers/{w.CustomerId}/overview"),
        new("/api/accounts", _ => $"/api/accounts?{Page}"),
        new("/api/accounts/{id}", w => $"/api/accounts/{w.AccountId}"),
        new("/api/accounts/{id}/contacts", w => $"/api/accounts/{w.AccountId}/contacts?{Page}"),
        new("/api/accounts/{id}/contacts/{contactId}", w => $"/api/accounts/{w.AccountId}/contacts/{w.AccountContactId}"),
        new("/api/catalogue/services", _ => $"/api/catalogue/services?{Page}"),
        new("/api/catalogue/services/{id}", w => $"/api/catalogue/services/{w.ServiceId}"),
        new("/api/catalogue/products", _ => $"/api/catalogue/products?{Page}"),
        new("/api/catalogue/products/{id}", w => $"/api/catalogue/products/{w.ProductId}"),
        new("/api/catalogue/categories", _ => $"/api/catalogue/categories?{Page}"),
        new("/api/catalogue/categories/{id}", w => $"/api/catalogue/categories/{w.CategoryId}"),
        new("/api/catalogue/product-service-types", _ => $"/api/catalogue/product-service-types?{Page}"),
        new("/api/catalogue/product-service-types/{id}", w => $"/api/catalogue/product-service-types/{w.TypeId}"),
        new("/api/solutions", _ => $"/api/solutions?{Page}"),
        new("/api/solutions/{id}", w => $"/api/solutions/{w.SolutionId}"),
        new("/api/solutions/{id}/ticket-lines", w => $"/api/solutions/{w.SolutionId}/ticket-lines"),
        new("/api/contracts", _ => $"/api/contracts?{Page}"),
        new("/api/contracts/{id}", w => $"/api/contracts/{w.ContractId}"),
        new("/api/opportunities", _ => $"/api/opportunities?{Page}"),
        new("/api/opportunities/kanban", _ => $"/api/opportunities/kanban?{Page}"),
        new("/api/opportunities/kanban/{stageId}", _ => $"/api/opportunities/kanban/prospeccao?{Page}"),
        new("/api/opportunities/{id}", w => $"/api/opportunities/{w.OpportunityId}"),
        new("/api/opportunities/{id}/tasks", w => $"/api/opportunities/{w.OpportunityId}/tasks?{Page}"),
        new("/api/opportunities/{id}/faturamento", w => $"/api/opportunities/{w.OpportunityId}/faturamento"),
        new("/api/tasks", _ => $"/api/tasks?{Page}"),
        new("/api/tasks/{id}", w => $"/api/tasks/{w.TaskId}"),
        new("/api/quotes", _ => $"/api/quotes?{Page}"),
        new("/api/quotes/{id}", w => $"/api/quotes/{w.QuoteId}"),
        new("/api/service-orders", _ => $"/api/service-orders?{Page}"),
        new("/api/service-orders/{id}", w => $"/api/service-orders/{w.ServiceOrderId}"),
        new("/api/sales-orders", _ => $"/api/sales-orders?{Page}"),
        new("/api/sales-orders/defaults", _ => "/api/sales-orders/defaults"),
        new("/api/sales-orders/{id}", w => $"/api/sales-orders/{w.OrderId}"),
        new("/api/sales-orders/{id}/billing", w => $"/api/sales-orders/{w.OrderId}/billing"),
        new("/api/sales-orders/{id}/approval", w => $"/api/sales-orders/{w.OrderId}/approval"),
        new("/api/invoices", _ => $"/api/invoices?{Page}"),
        new("/api/invoices/{id}", w => $"/api/invoices/{w.InvoiceId}"),
        new("/api/receivables", _ => $"/api/receivables?{Page}"),
        new("/api/inventory", _ => $"/api/inventory?{Page}"),
        new("/api/inventory/{id}", w => $"/api/inventory/{w.InventoryItemId}"),
        new("/api/customer-area/dashboard", _ => "/api/customer-area/dashboard", AsCustomer: true),
        new("/api/customer-area/orders", _ => $"/api/customer-area/orders?{Page}", AsCustomer: true),
        new("/api/customer-area/orders/{id}", w => $"/api/customer-area/orders/{w.OrderId}", AsCustomer: true),
    ];

    private readonly CrmApp _app;
    private readonly BillingWorld _billing;

    private BudgetWorld(CrmApp app, BillingWorld billing)
    {
        _app = app;
        _billing = billing;
    }

    public HttpClient Admin => _billing.Admin;

    public HttpClient Customer => _app.Customer(_billing.Seed.Tenant, CustomerId, ContactId, "Contato Cliente");

    public string CustomerId => _billing.CustomerId;

    public string CustomerTaxId { get; private set; } = "";

    public string ContactId { get; private set; } = "";

    public string SiteId { get; private set; } = "";

    public string OccurrenceId { get; private set; } = "";

    public string AccountId { get; private set; } = "";

    public string AccountContactId { get; private set; } = "";

    public string ServiceId { get; private set; } = "";

    public string ProductId { get; private set; } = "";

    public string CategoryId { get; private set; } = "";

    public string TypeId { get; private set; } = "";

    public string SolutionId { get; private set; } = "";

    public string ContractId { get; private set; } = "";

    public string OpportunityId { get; private set; } = "";

    public string TaskId { get; private set; } = "";

    public string QuoteId { get; private set; } = "";

    public string ServiceOrderId { get; private set; } = "";

    public string OrderId { get; private set; } = "";

    public string InvoiceId { get; private set; } = "";

    public string InventoryItemId { get; private set; } = "";

    public static async Task<BudgetWorld> CreateAsync(CrmApp app)
    {
        var world = new BudgetWorld(app, await BillingWorld.CreateAsync(app));
        var customer = await (await world.Admin.GetAsync($"/api/customers/{world.CustomerId}")).ReadAsync<JsonElement>();
        world.CustomerTaxId = Uri.EscapeDataString(customer.GetProperty("taxId").GetString()!);
        await world.AddRoundAsync(1);
        return world;
    }

    /// <summary>One more record of every kind; the first round's ids are the ones the reads use.</summary>
    public async Task AddRoundAsync(int round)
    {
        var first = round == 1;
        if (!first)
        {
            await Admin.CreateCustomerAsync($"Cliente {round} Ltda");
        }

        var contact = await PostAsync($"/api/customers/{CustomerId}/contacts", new { name = $"Contato {round}", email = $"contato{round}@cliente.example.com" });
        var site = await PostAsync($"/api/customers/{CustomerId}/sites", new { name = $"Unidade {round}", city = "Campinas", state = "SP" });
        var occurrence = await PostAsync($"/api/customers/{CustomerId}/occurrences",
            new { date = DateTime.UtcNow.AddDays(-round).ToString("yyyy-MM-dd"), type = "visita", description = $"Visita técnica {round}" });
        var account = await PostAsync("/api/accounts", new { name = $"Conta {round}", taxId = SalesSeed.NewCnpj().Value, city = "Campinas", state = "SP" });
        var accountContact = await PostAsync($"/api/accounts/{(first ? account : AccountId)}/contacts", new { name = $"Contato da conta {round}" });
        var category = await PostAsync("/api/catalogue/categories", new { name = $"Categoria {round}" });
        var type = await PostAsync("/api/catalogue/product-service-types", new { name = $"Tipo {round}", kind = "service" });
        var service = await _billing.ServiceAsync($"Serviço {round}", 100m + round);
        var product = await _billing.ProductAsync($"Produto {round}", 50m + round, stock: 100m);
        var solution = await PostAsync("/api/solutions", new { name = $"Solução {round}", lines = new[] { new { serviceId = service, quantity = 2m } } });
        var contract = await PostAsync("/api/contracts", CrmRecordsTestData.ContractBody(CustomerId));
        var opportunity = await PostAsync("/api/opportunities", new { title = $"Oportunidade {round}", accountId = account });
        var task = await PostAsync("/api/tasks", new { subject = $"Ligar para o cliente {round}", opportunityId = first ? opportunity : OpportunityId });
        var serviceItems = new[] { new { kind = "service", serviceId = service, quantity = 1m } };
        var quote = await PostAsync("/api/quotes", new { customerId = CustomerId, items = serviceItems });
        var serviceOrder = await PostAsync("/api/service-orders", new { customerId = CustomerId, items = serviceItems });
        var order = await _billing.ConfirmedOrderAsync([BillingWorld.ServiceItem(service, 1m)], generateTasks: true);
        var orderId = order.GetProperty("id").GetString()!;
        await _billing.CompleteTasksAsync(orderId, order.GetProperty("items")[0].GetProperty("id").GetString()!, lastUnit: 1);
        var invoice = await (await _billing.BillAsync(orderId)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var inventory = await PostAsync("/api/inventory", new
        {
            serialNumber = $"SN-{round}-{Guid.NewGuid():N}"[..20],
            customerId = CustomerId,
            contractId = first ? contract : ContractId,
            siteId = first ? site : SiteId,
            typeId = first ? type : TypeId,
            description = $"Câmera {round}",
        });
        await (await Admin.PostAsJsonAsync($"/api/customers/{CustomerId}/portal-access",
            new { name = $"Acesso {round}", email = $"acesso{round}-{Guid.NewGuid():N}@cliente.example.com" }, JsonDefaults.Options)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await Admin.PostAsJsonAsync("/api/users/invitations",
            new { email = $"colega{round}-{Guid.NewGuid():N}@empresa.example.com", name = $"Colega {round}", role = Roles.Sales }, JsonDefaults.Options)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await _app.DrainQueuesAsync();

        if (first)
        {
            (ContactId, SiteId, OccurrenceId, AccountId, AccountContactId) = (contact, site, occurrence, account, accountContact);
            (ServiceId, ProductId, CategoryId, TypeId, SolutionId, ContractId) = (service, product, category, type, solution, contract);
            (OpportunityId, TaskId, QuoteId, ServiceOrderId, OrderId) = (opportunity, task, quote, serviceOrder, orderId);
            (InvoiceId, InventoryItemId) = (invoice.GetProperty("invoice").GetProperty("id").GetString()!, inventory);
        }
    }

    private async Task<string> PostAsync(string path, object body)
    {
        var response = await Admin.PostAsJsonAsync(path, body, JsonDefaults.Options);
        var created = await response.ReadAsync<JsonElement>(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }
}
