using System.Net;
using System.Text.Json;
using CrmSaaS.Functions.Opportunities;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Settings;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Functions.Tests.Opportunities;

namespace CrmSaaS.Functions.Tests.Settings;

public sealed class SettingsApiTests(CrmApp app) : IClassFixture<CrmApp>
{
    private static object Stages(params (string? Id, string Name)[] stages) =>
        new { stages = stages.Select(s => new { id = s.Id, name = s.Name }) };

    [Fact]
    public async Task A_tenant_without_settings_sees_the_default_pipeline_and_can_save_it_once()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);

        var response = await admin.GetAsync("/api/settings/pipeline");
        var pipeline = await response.ReadAsync<SettingsApi.PipelineResponse>();
        pipeline.Stages.Select(s => s.Name).ShouldBe(["Prospecção", "Qualificação", "Proposta", "Negociação", "Fechamento"]);
        pipeline.Etag.ShouldBe("\"defaults\"");
        response.ETagHeader().ShouldBe("\"defaults\"");

        var saved = await admin.PutJsonAsync("/api/settings/pipeline",
            Stages(("prospeccao", "Prospecção"), (null, "Demonstração"), ("proposta", "Proposta"), ("fechamento", "Fechamento")), pipeline.Etag);
        var updated = await saved.ReadAsync<SettingsApi.PipelineResponse>();
        updated.Stages.Select(s => s.Name).ShouldBe(["Prospecção", "Demonstração", "Proposta", "Fechamento"]);
        updated.Stages[1].Id.ShouldNotBeNullOrWhiteSpace();
        updated.Etag.ShouldNotBe("\"defaults\"");

        // The defaults' version is stale once the row exists.
        var again = await admin.PutJsonAsync("/api/settings/pipeline", Stages(("prospeccao", "Prospecção")), "\"defaults\"");
        await again.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);

        var reread = await (await admin.GetAsync("/api/settings/pipeline")).ReadAsync<SettingsApi.PipelineResponse>();
        reread.Stages.Select(s => s.Id).ShouldBe(updated.Stages.Select(s => s.Id));
    }

    [Fact]
    public async Task Saving_needs_if_match_and_the_admin_role()
    {
        var tenant = CrmApp.NewTenant();

        var withoutVersion = await app.Staff(tenant).PutJsonAsync("/api/settings/pipeline", Stages(("prospeccao", "Prospecção")));
        var problem = await withoutVersion.ShouldBeProblemAsync((HttpStatusCode)428, ETags.PreconditionRequired);
        problem.GetProperty("detail").GetString()!.ShouldContain("If-Match");

        var sales = app.Staff(tenant, Roles.Sales);
        (await sales.GetAsync("/api/settings/pipeline")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await sales.PutJsonAsync("/api/settings/pipeline", Stages(("prospeccao", "Prospecção")), "\"defaults\"");
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Invalid_stage_lists_are_refused_in_portuguese()
    {
        var tenant = CrmApp.NewTenant();

        var response = await app.Staff(tenant).PutJsonAsync("/api/settings/pipeline", Stages(("prospeccao", ""), ("nao-existe", "Outra")), "\"defaults\"");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        problem.GetProperty("errors").GetProperty("stages[0].name")[0].GetString().ShouldBe("Informe o nome da etapa.");
        problem.GetProperty("errors").TryGetProperty("stages[1].id", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_stage_holding_open_opportunities_cannot_be_removed_until_they_leave()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var account = await app.AccountAsync(tenant, "Conta Funil");
        var created = await admin.PostJsonAsync("/api/opportunities", new { title = "Contrato anual", accountId = account, stageId = "negociacao" });
        var opportunity = await created.ReadAsync<JsonElement>(HttpStatusCode.Created);

        var pipeline = await (await admin.GetAsync("/api/settings/pipeline")).ReadAsync<SettingsApi.PipelineResponse>();
        pipeline.Stages.Single(s => s.Id == "negociacao").OpenCount.ShouldBe(1);
        var withoutNegotiation = Stages(("prospeccao", "Prospecção"), ("qualificacao", "Qualificação"), ("proposta", "Proposta"), ("fechamento", "Fechamento"));

        var refused = await admin.PutJsonAsync("/api/settings/pipeline", withoutNegotiation, pipeline.Etag);
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, SettingsStore.InUse);
        problem.GetProperty("detail").GetString().ShouldBe(
            "A etapa \"Negociação\" tem 1 oportunidade(s) aberta(s): mova-as para outra etapa antes de removê-la.");

        var moved = await admin.PostJsonAsync($"/api/opportunities/{opportunity.GetProperty("id").GetString()}/move",
            new { stageId = "proposta" }, opportunity.GetProperty("etag").GetString());
        await moved.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var accepted = await admin.PutJsonAsync("/api/settings/pipeline", withoutNegotiation, pipeline.Etag);
        var updated = await accepted.ReadAsync<SettingsApi.PipelineResponse>();
        updated.Stages.Select(s => s.Id).ShouldBe(["prospeccao", "qualificacao", "proposta", "fechamento"]);
        updated.Stages.Single(s => s.Id == "proposta").OpenCount.ShouldBe(1);
    }

    [Fact]
    public async Task Removing_many_stages_at_once_clears_all_their_statistics_rows()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var twenty = Enumerable.Range(1, 20).Select(i => ((string?)null, $"Etapa {i}")).ToArray();
        var saved = await (await admin.PutJsonAsync("/api/settings/pipeline", Stages(twenty), "\"defaults\"")).ReadAsync<SettingsApi.PipelineResponse>();

        // Stages whose opportunities all left keep empty rows in every shard: 15 stages × 8 shards do not fit one batch.
        foreach (var stage in saved.Stages.Take(15))
        {
            for (var shard = 0; shard < StageStatsRows.ShardCount; shard++)
            {
                await app.InsertAsync(tenant, StageStatsRows.Key(stage.Id, shard), new Dictionary<string, object?> { ["Count"] = 0, ["Total"] = 0m });
            }
        }

        var kept = saved.Stages.Skip(15).Select(s => ((string?)s.Id, s.Name)).ToArray();
        var accepted = await admin.PutJsonAsync("/api/settings/pipeline", Stages(kept), saved.Etag);

        (await accepted.ReadAsync<SettingsApi.PipelineResponse>()).Stages.Count.ShouldBe(5);
        (await app.RowsAsync(tenant, StageStatsRows.Prefix)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stage_counts_its_opportunities_in_any_shard_before_removal()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        await app.InsertAsync(tenant, StageStatsRows.Key("fechamento", 0), new Dictionary<string, object?> { ["Count"] = 0, ["Total"] = 0m });
        await app.InsertAsync(tenant, StageStatsRows.Key("fechamento", 5), new Dictionary<string, object?> { ["Count"] = 2, ["Total"] = 300m });

        var pipeline = await (await admin.GetAsync("/api/settings/pipeline")).ReadAsync<SettingsApi.PipelineResponse>();
        pipeline.Stages.Single(s => s.Id == "fechamento").OpenCount.ShouldBe(2);
        var refused = await admin.PutJsonAsync("/api/settings/pipeline", Stages(("prospeccao", "Prospecção")), pipeline.Etag);

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, SettingsStore.InUse);
        problem.GetProperty("detail").GetString()!.ShouldContain("2 oportunidade(s)");
    }

    [Fact]
    public async Task Order_crm_defaults_then_a_validated_save()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var seller = await app.UserAsync(tenant, "Beatriz Vendas");
        var technician = await app.UserAsync(tenant, "Carlos Técnico", role: "operations");
        var disabled = await app.UserAsync(tenant, "Ex-funcionário", status: "disabled");

        var response = await admin.GetAsync("/api/settings/order-crm");
        var defaults = await response.ReadAsync<SettingsApi.OrderCrmResponse>();
        defaults.Enabled.ShouldBeTrue();
        defaults.DefaultGenerate.ShouldBeTrue();
        defaults.StageId.ShouldBe("prospeccao");
        defaults.TitlePattern.ShouldBe("Pedido {numero} - {cliente}");
        defaults.TaskDueDays.ShouldBe(7);

        var invalid = await admin.PutJsonAsync("/api/settings/order-crm", new
        {
            enabled = true, defaultGenerate = false, stageId = "nao-existe", ownerId = disabled, titlePattern = "Pedido {cliente} {vendedor}",
            taskAssigneeId = "ninguem", taskDueDays = 400, showProjectAndContract = true,
        }, defaults.Etag);
        var problem = await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("stageId")[0].GetString().ShouldBe("Escolha uma etapa do funil para as oportunidades geradas.");
        errors.GetProperty("ownerId")[0].GetString().ShouldBe("O responsável escolhido não existe ou está desativado.");
        errors.GetProperty("taskAssigneeId")[0].GetString().ShouldBe("O responsável pelas tarefas não existe ou está desativado.");
        errors.GetProperty("titlePattern")[0].GetString()!.ShouldContain("{vendedor}");
        errors.GetProperty("taskDueDays")[0].GetString().ShouldBe("O prazo das tarefas deve ficar entre 0 e 365 dias.");

        var saved = await admin.PutJsonAsync("/api/settings/order-crm", new
        {
            enabled = true, defaultGenerate = false, stageId = "proposta", ownerId = seller, titlePattern = "{projeto} - Pedido {numero} - {cliente}",
            taskAssigneeId = technician, taskDueDays = 3, showProjectAndContract = true,
        }, defaults.Etag);
        var settings = await saved.ReadAsync<SettingsApi.OrderCrmResponse>();
        settings.OwnerName.ShouldBe("Beatriz Vendas");
        settings.TaskAssigneeName.ShouldBe("Carlos Técnico");
        settings.DefaultGenerate.ShouldBeFalse();

        var stale = await admin.PutJsonAsync("/api/settings/order-crm", new
        {
            enabled = false, defaultGenerate = false, stageId = "proposta", titlePattern = "Pedido {numero}", taskDueDays = 1, showProjectAndContract = false,
        }, defaults.Etag);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, ErrorCodes.Conflict);

        // What the sales step reads.
        var read = await app.InTenantAsync(tenant.TenantId, services =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SettingsStore>(services).GetOrderCrmAsync());
        read.Title(1024, "Padaria Pão Quente", "Loja 2").ShouldBe("Loja 2 - Pedido 1024 - Padaria Pão Quente");
        read.TaskDueDate(new DateOnly(2026, 3, 5)).ShouldBe(new DateOnly(2026, 3, 8));
        read.TaskAssigneeId.ShouldBe(technician);
    }

    [Fact]
    public async Task The_stage_of_generated_opportunities_cannot_be_removed()
    {
        var tenant = CrmApp.NewTenant();
        var admin = app.Staff(tenant);
        var defaults = await (await admin.GetAsync("/api/settings/order-crm")).ReadAsync<SettingsApi.OrderCrmResponse>();
        var saved = await admin.PutJsonAsync("/api/settings/order-crm", new
        {
            enabled = true, defaultGenerate = true, stageId = "qualificacao", titlePattern = "Pedido {numero} - {cliente}", taskDueDays = 7,
            showProjectAndContract = true,
        }, defaults.Etag);
        await saved.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var response = await admin.PutJsonAsync("/api/settings/pipeline", Stages(("prospeccao", "Prospecção"), ("fechamento", "Fechamento")), "\"defaults\"");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, SettingsStore.InUse);
        problem.GetProperty("detail").GetString()!.ShouldContain("Qualificação");
    }
}
