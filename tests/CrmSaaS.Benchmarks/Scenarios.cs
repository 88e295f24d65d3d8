using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CrmSaaS.Benchmarks;

/// <summary>One measured workflow: its preparation (not timed) and the timed operation number <c>i</c>.</summary>
public sealed record Scenario(string Name, int BaseOperations, Func<int, Task<Sample>> Operation, int[]? Levels = null);

/// <summary>The workflows the issue names, driven through the public API exactly as the portal drives them.</summary>
public sealed class Scenarios(BenchStack stack, Api admin, string slug, Dataset data)
{
    private int _moves;

    public async Task<List<Scenario>> BuildAsync()
    {
        var list = new List<Scenario>
        {
            new("Kanban: primeira página", 100, async _ => (await admin.SendAsync(HttpMethod.Get, "/api/opportunities/kanban")).Sample),
            new("Mover cartão no kanban", 100, MoveCardAsync),
            new("Pedido com 15 unidades até as 15 tarefas", 8, async i => await OrderUntilTasksAsync(i, 15)),
            new("Pedido com 1 500 unidades até as 1 500 tarefas", 1, async i => await OrderUntilTasksAsync(i, 1500), [1, 8]),
            new("Busca de inventário por número de série", 100, async i =>
                (await admin.SendAsync(HttpMethod.Get, $"/api/inventory?serial={BrazilianData.Serial(i % Math.Max(1, data.InventoryItems))}")).Sample),
        };

        if (await PartialBillingAvailableAsync())
        {
            list.Add(new("Faturamento parcial (10 de 15)", 8, PartialBillingAsync));
        }
        else
        {
            Console.WriteLine("  faturamento parcial: endpoint ausente nesta versão; cenário não medido");
        }

        var customer = await CustomerApiAsync();
        if (customer is not null)
        {
            list.Add(new("Painel do cliente", 100, async _ => (await customer.SendAsync(HttpMethod.Get, "/api/customer-area/dashboard")).Sample));
        }
        else
        {
            Console.WriteLine("  painel do cliente: endpoint ausente nesta versão; cenário não medido");
        }

        return list;
    }

    private async Task<Sample> MoveCardAsync(int i)
    {
        var id = data.OpportunityIds[Interlocked.Increment(ref _moves) % data.OpportunityIds.Count];
        var (card, _, etag) = await admin.SendAsync(HttpMethod.Get, $"/api/opportunities/{id}");
        var to = card.GetProperty("stageId").GetString() == "proposta" ? "negociacao" : "proposta";
        return (await admin.SendAsync(HttpMethod.Post, $"/api/opportunities/{id}/move", new { stageId = to }, etag ?? card.GetProperty("etag").GetString())).Sample;
    }

    /// <summary>From "create the order" to "all its tasks are listed": what a user waits for after confirming.</summary>
    private async Task<Sample> OrderUntilTasksAsync(int i, int units)
    {
        var clock = Stopwatch.StartNew();
        var (order, created, etag) = await admin.SendAsync(HttpMethod.Post, "/api/sales-orders", new
        {
            customerId = data.CustomerIds[i % data.CustomerIds.Count],
            paymentTerms = "30/60",
            generateOpportunity = true,
            items = new[] { new { kind = "service", serviceId = data.ServiceIds[i % data.ServiceIds.Count], quantity = (decimal)units } },
        });
        var id = order.GetProperty("id").GetString()!;
        var (_, confirmed, _) = await admin.SendAsync(HttpMethod.Post, $"/api/sales-orders/{id}/confirm", null, etag ?? order.GetProperty("etag").GetString());
        await DataLoader.WaitForTasksAsync(admin, [id], units, TimeSpan.FromMinutes(10));
        return new Sample(clock.Elapsed.TotalMilliseconds, created.Transactions + confirmed.Transactions, true);
    }

    private async Task<bool> PartialBillingAvailableAsync()
    {
        if (data.OrderIds.Count == 0)
        {
            return false;
        }

        try
        {
            await admin.SendAsync(HttpMethod.Get, $"/api/sales-orders/{data.OrderIds[0]}/billing");
            return true;
        }
        catch (ApiException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Prepared (not timed): an order of 15 units with 10 tasks done. Timed: billing 10 units of it.</summary>
    private async Task<Sample> PartialBillingAsync(int i)
    {
        var orderId = await DataLoader.CreateConfirmedOrderAsync(admin, data.CustomerIds[i % data.CustomerIds.Count], data.ServiceIds[0], 15);
        await DataLoader.WaitForTasksAsync(admin, [orderId], 15, TimeSpan.FromMinutes(5));
        var tasks = await admin.GetAsync($"/api/tasks?orderId={orderId}&pageSize=200");
        foreach (var task in tasks.GetProperty("items").EnumerateArray().Take(10))
        {
            var taskId = task.GetProperty("id").GetString()!;
            var (_, _, etag) = await admin.SendAsync(HttpMethod.Get, $"/api/tasks/{taskId}");
            await admin.SendAsync(HttpMethod.Post, $"/api/tasks/{taskId}/complete", null, etag ?? task.GetProperty("etag").GetString());
        }

        var (order, _, orderEtag) = await admin.SendAsync(HttpMethod.Get, $"/api/sales-orders/{orderId}");
        var itemId = order.GetProperty("items")[0].GetProperty("id").GetString();
        return (await admin.SendAsync(HttpMethod.Post, $"/api/sales-orders/{orderId}/invoices",
            new { items = new[] { new { itemId, quantity = 10m } } }, orderEtag ?? order.GetProperty("etag").GetString())).Sample;
    }

    /// <summary>A customer contact invited to the customer area, with the password set from the real e-mail.</summary>
    private async Task<Api?> CustomerApiAsync()
    {
        try
        {
            await admin.SendAsync(HttpMethod.Get, "/api/customer-area/dashboard");
        }
        catch (ApiException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (ApiException)
        {
            // Any other refusal (a staff token on a customer endpoint) means the endpoint exists.
        }

        var customerId = data.CustomerIds[0];
        var email = $"financeiro.{Guid.NewGuid():N}@cliente.com.br";
        var contact = await admin.PostAsync($"/api/customers/{customerId}/contacts", new { name = "Marcos Ribeiro", email });
        await admin.PostAsync($"/api/customers/{customerId}/portal-access", new { contactId = contact.GetProperty("id").GetString() });
        var invitation = await stack.MailDev.WaitForEmailAsync(email, "Acesso");
        var http = stack.NewClient();
        (await http.PostAsJsonAsync($"/api/customer-auth/{slug}/accept-invitation", new { token = invitation.TokenOfLink(stack.PortalUrl), password = "SenhaCliente2026" })).EnsureSuccessStatusCode();
        var login = await http.PostAsJsonAsync($"/api/customer-auth/{slug}/login", new { email, password = "SenhaCliente2026" });
        login.EnsureSuccessStatusCode();
        var api = new Api(http);
        api.UseToken((await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!);
        return api;
    }
}
