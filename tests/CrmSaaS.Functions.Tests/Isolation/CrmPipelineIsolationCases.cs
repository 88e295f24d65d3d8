using System.Net;
using System.Text.Json;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.Opportunities;

namespace CrmSaaS.Functions.Tests.Isolation;

/// <summary>Tenant B gets 404 on tenant A's opportunities, kanban stages, tasks and customer occurrences.</summary>
public sealed class CrmPipelineIsolationCases : IIsolationCases
{
    public IEnumerable<IsolationCase> Cases =>
    [
        new("GET", "/api/opportunities/{id}", async a => new IsolationRequest($"/api/opportunities/{(await OpportunityAsync(a)).Id}")),
        new("PUT", "/api/opportunities/{id}", async a =>
        {
            var o = await OpportunityAsync(a);
            return new IsolationRequest($"/api/opportunities/{o.Id}", new { title = "Invasão", accountId = o.AccountId }, o.Etag);
        }),
        new("DELETE", "/api/opportunities/{id}", async a =>
        {
            var o = await OpportunityAsync(a);
            return new IsolationRequest($"/api/opportunities/{o.Id}", null, o.Etag);
        }),
        new("POST", "/api/opportunities/{id}/move", async a =>
        {
            var o = await OpportunityAsync(a);
            return new IsolationRequest($"/api/opportunities/{o.Id}/move", new { stageId = "proposta" }, o.Etag);
        }),
        new("POST", "/api/opportunities/{id}/won", async a =>
        {
            var o = await OpportunityAsync(a);
            return new IsolationRequest($"/api/opportunities/{o.Id}/won", new { }, o.Etag);
        }),
        new("POST", "/api/opportunities/{id}/lost", async a =>
        {
            var o = await OpportunityAsync(a);
            return new IsolationRequest($"/api/opportunities/{o.Id}/lost", new { reason = "Preço" }, o.Etag);
        }),
        new("POST", "/api/opportunities/{id}/reopen", async a =>
        {
            var o = await OpportunityAsync(a);
            var won = await (await a.AdminA.PostJsonAsync($"/api/opportunities/{o.Id}/won", null, o.Etag)).ReadAsync<JsonElement>();
            return new IsolationRequest($"/api/opportunities/{o.Id}/reopen", new { }, won.GetProperty("etag").GetString());
        }),
        new("POST", "/api/opportunities/{id}/ticket/lines", async a =>
        {
            var o = await OpportunityAsync(a);
            return new IsolationRequest($"/api/opportunities/{o.Id}/ticket/lines", new { serviceId = o.ServiceId, quantity = 1 }, o.Etag);
        }),
        new("PUT", "/api/opportunities/{id}/ticket/lines/{lineId}", async a =>
        {
            var o = await OpportunityWithLineAsync(a);
            return new IsolationRequest($"/api/opportunities/{o.Id}/ticket/lines/{o.LineId}", new { serviceId = o.ServiceId, quantity = 2 }, o.Etag);
        }),
        new("DELETE", "/api/opportunities/{id}/ticket/lines/{lineId}", async a =>
        {
            var o = await OpportunityWithLineAsync(a);
            return new IsolationRequest($"/api/opportunities/{o.Id}/ticket/lines/{o.LineId}", null, o.Etag);
        }),
        new("POST", "/api/opportunities/{id}/ticket/apply-solution", async a =>
        {
            var o = await OpportunityAsync(a);
            var solution = await a.App.SolutionAsync(a.TenantA, "Solução A",
                new { serviceId = o.ServiceId, description = "Serviço", quantity = 1, unitPrice = 10, discountKind = "none", discount = 0 });
            return new IsolationRequest($"/api/opportunities/{o.Id}/ticket/apply-solution", new { solutionId = solution }, o.Etag);
        }),
        new("GET", "/api/opportunities/{id}/tasks", async a => new IsolationRequest($"/api/opportunities/{(await OpportunityAsync(a)).Id}/tasks")),
        new("GET", "/api/opportunities/kanban/{stageId}", async a =>
        {
            // Default stage ids are the same in every tenant; a stage tenant A created exists only in A's pipeline.
            var saved = await (await a.AdminA.PutJsonAsync("/api/settings/pipeline",
                new { stages = new object[] { new { id = "prospeccao", name = "Prospecção" }, new { name = "Exclusiva de A" } } }, "\"defaults\""))
                .ReadAsync<JsonElement>();
            var stageId = saved.GetProperty("stages")[1].GetProperty("id").GetString();
            return new IsolationRequest($"/api/opportunities/kanban/{stageId}");
        }),

        new("GET", "/api/tasks/{id}", async a => new IsolationRequest($"/api/tasks/{(await TaskAsync(a)).Id}")),
        new("PUT", "/api/tasks/{id}", async a =>
        {
            var t = await TaskAsync(a);
            return new IsolationRequest($"/api/tasks/{t.Id}", new { subject = "Invasão" }, t.Etag);
        }),
        new("DELETE", "/api/tasks/{id}", async a =>
        {
            var t = await TaskAsync(a);
            return new IsolationRequest($"/api/tasks/{t.Id}", null, t.Etag);
        }),
        new("POST", "/api/tasks/{id}/complete", async a =>
        {
            var t = await TaskAsync(a);
            return new IsolationRequest($"/api/tasks/{t.Id}/complete", new { }, t.Etag);
        }),
        new("POST", "/api/tasks/{id}/reopen", async a =>
        {
            var t = await TaskAsync(a);
            var done = await (await a.AdminA.PostJsonAsync($"/api/tasks/{t.Id}/complete", null, t.Etag)).ReadAsync<JsonElement>();
            return new IsolationRequest($"/api/tasks/{t.Id}/reopen", new { }, done.GetProperty("etag").GetString());
        }),

        new("GET", "/api/customers/{customerId}/occurrences", async a =>
            new IsolationRequest($"/api/customers/{(await OccurrenceAsync(a)).CustomerId}/occurrences?from=2026-01-01&to=2026-12-31")),
        new("POST", "/api/customers/{customerId}/occurrences", async a =>
        {
            var customer = await a.App.CustomerAsync(a.TenantA, "Cliente de A", "Cliente de A");
            return new IsolationRequest($"/api/customers/{customer}/occurrences", new { date = "2026-02-10", type = "visita", description = "Invasão" });
        }),
        new("GET", "/api/customers/{customerId}/occurrences/print", async a =>
            new IsolationRequest($"/api/customers/{(await OccurrenceAsync(a)).CustomerId}/occurrences/print?from=2026-01-01&to=2026-12-31")),
        new("GET", "/api/customers/{customerId}/occurrences/{occurrenceId}", async a =>
        {
            var o = await OccurrenceAsync(a);
            return new IsolationRequest($"/api/customers/{o.CustomerId}/occurrences/{o.Id}");
        }),
        new("PUT", "/api/customers/{customerId}/occurrences/{occurrenceId}", async a =>
        {
            var o = await OccurrenceAsync(a);
            return new IsolationRequest($"/api/customers/{o.CustomerId}/occurrences/{o.Id}", new { date = "2026-02-11", type = "sac", description = "Invasão" }, o.Etag);
        }),
        new("DELETE", "/api/customers/{customerId}/occurrences/{occurrenceId}", async a =>
        {
            var o = await OccurrenceAsync(a);
            return new IsolationRequest($"/api/customers/{o.CustomerId}/occurrences/{o.Id}", null, o.Etag);
        }),
        new("POST", "/api/customers/{customerId}/occurrences/{occurrenceId}/competitors", async a =>
        {
            var o = await OccurrenceAsync(a);
            return new IsolationRequest($"/api/customers/{o.CustomerId}/occurrences/{o.Id}/competitors", new { name = "Invasão" }, o.Etag);
        }),
        new("DELETE", "/api/customers/{customerId}/occurrences/{occurrenceId}/competitors/{competitorId}", async a =>
        {
            var o = await OccurrenceAsync(a);
            var withNote = await (await a.AdminA.PostJsonAsync($"/api/customers/{o.CustomerId}/occurrences/{o.Id}/competitors", new { name = "Polar" }, o.Etag))
                .ReadAsync<JsonElement>();
            var competitorId = withNote.GetProperty("competitors")[0].GetProperty("id").GetString();
            return new IsolationRequest($"/api/customers/{o.CustomerId}/occurrences/{o.Id}/competitors/{competitorId}", null, withNote.GetProperty("etag").GetString());
        }),
    ];

    private sealed record ArrangedOpportunity(string Id, string AccountId, string ServiceId, string Etag, string? LineId = null);

    private sealed record ArrangedRecord(string Id, string Etag, string? CustomerId = null);

    private static async Task<ArrangedOpportunity> OpportunityAsync(IsolationArrange a)
    {
        var account = await a.App.AccountAsync(a.TenantA, "Conta de A");
        var service = await a.App.ServiceAsync(a.TenantA, "Serviço de A", 100m);
        var created = await (await a.AdminA.PostJsonAsync("/api/opportunities", new { title = "Oportunidade de A", accountId = account }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        return new ArrangedOpportunity(created.GetProperty("id").GetString()!, account, service, created.GetProperty("etag").GetString()!);
    }

    private static async Task<ArrangedOpportunity> OpportunityWithLineAsync(IsolationArrange a)
    {
        var o = await OpportunityAsync(a);
        var withLine = await (await a.AdminA.PostJsonAsync($"/api/opportunities/{o.Id}/ticket/lines", new { serviceId = o.ServiceId, quantity = 1 }, o.Etag))
            .ReadAsync<JsonElement>();
        var lineId = withLine.GetProperty("ticket").GetProperty("lines")[0].GetProperty("id").GetString();
        return o with { Etag = withLine.GetProperty("etag").GetString()!, LineId = lineId };
    }

    private static async Task<ArrangedRecord> TaskAsync(IsolationArrange a)
    {
        var created = await (await a.AdminA.PostJsonAsync("/api/tasks", new { subject = "Tarefa de A" })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        return new ArrangedRecord(created.GetProperty("id").GetString()!, created.GetProperty("etag").GetString()!);
    }

    private static async Task<ArrangedRecord> OccurrenceAsync(IsolationArrange a)
    {
        var customer = await a.App.CustomerAsync(a.TenantA, "Cliente de A", "Cliente de A");
        var created = await (await a.AdminA.PostJsonAsync($"/api/customers/{customer}/occurrences", new { date = "2026-02-10", type = "visita", description = "Visita de A" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        return new ArrangedRecord(created.GetProperty("id").GetString()!, created.GetProperty("etag").GetString()!, customer);
    }
}
