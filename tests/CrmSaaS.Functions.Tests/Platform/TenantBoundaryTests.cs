using Azure;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.Storage;
using Microsoft.Extensions.DependencyInjection;
using RequestContext = CrmSaaS.Functions.Platform.RequestContext;

namespace CrmSaaS.Functions.Tests.Platform;

/// <summary>The tenant boundary holds even when a feature makes a mistake (from the independent review).</summary>
public sealed class TenantBoundaryTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task A_badly_escaped_filter_cannot_return_another_tenants_rows()
    {
        var (a, b) = (Ids.New(), Ids.New());
        using (var scope = app.Services.CreateScope())
        {
            var tableB = TableFor(scope, b);
            var row = tableB.NewEntity("note|1");
            row["Title"] = "segredo do tenant B";
            await tableB.InsertAsync(row);
        }

        using var scopeA = app.Services.CreateScope();
        var tableA = TableFor(scopeA, a);
        var status = "x') or (PartitionKey ne '";

        await Should.ThrowAsync<InvalidOperationException>(() => tableA.ScanPageAsync("note|", 50, null, andFilter: $"Status eq '{status}'"));
        await Should.ThrowAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in tableA.QueryPrefixAsync("note|", andFilter: $"Status eq '{status}'"))
            {
            }
        });
    }

    [Fact]
    public async Task A_batch_update_without_an_explicit_etag_still_detects_a_concurrent_change()
    {
        using var scope = app.Services.CreateScope();
        var table = TableFor(scope, Ids.New());
        var row = table.NewEntity("order|1");
        row["Status"] = "Proposta";
        await table.InsertAsync(row);
        var mine = (await table.GetAsync("order|1"))!;
        var theirs = (await table.GetAsync("order|1"))!;
        theirs["Status"] = "Cancelado";
        await table.UpdateAsync(theirs, theirs.ETag);

        mine["Status"] = "Pedido";
        var error = await Should.ThrowAsync<RequestFailedException>(() =>
            table.SubmitAsync([new TableTransactionAction(TableTransactionActionType.UpdateReplace, mine)]));

        error.Status.ShouldBe(412);
        (await table.GetAsync("order|1"))!.GetString("Status").ShouldBe("Cancelado");
    }

    [Fact]
    public async Task Blob_names_with_dot_segments_are_refused()
    {
        var files = app.Service<FilesContainer>().Container;

        await Should.ThrowAsync<StorageLimitException>(() =>
            files.UploadAsync("tenantA/contracts/1/../../../tenantB/contracts/9/contrato.pdf", BinaryData.FromString("%PDF"), "application/pdf"));
    }

    [Theory]
    [InlineData("../../../tenantB/contrato.pdf", "contrato.pdf")]
    [InlineData("C:\\Users\\ana\\Contrato Assinado (1).pdf", "Contrato-Assinado--1-.pdf")]
    [InlineData("..", "arquivo")]
    [InlineData("", "arquivo")]
    public void Stored_file_names_never_carry_a_path(string requested, string stored)
    {
        TenantFiles.FileName(requested).ShouldBe(stored);
    }

    [Fact]
    public async Task Tenant_files_live_under_the_callers_tenant()
    {
        using var scope = app.Services.CreateScope();
        var tenant = Ids.New();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(tenant);
        var files = scope.ServiceProvider.GetRequiredService<TenantFiles>();
        var orderId = Ids.New();

        await files.UploadAsync("order", orderId, "../proposta.pdf", BinaryData.FromString("%PDF-1.7"), "application/pdf");

        files.PathFor("order", orderId, "proposta.pdf").ShouldBe($"{tenant}/order/{orderId}/proposta.pdf");
        await using var download = await files.DownloadAsync("order", orderId, "proposta.pdf");
        download.Properties.ContentType.ShouldBe("application/pdf");
        Should.Throw<ArgumentException>(() => files.PathFor("order", "../other", "x.pdf"));
    }

    private static TenantTable TableFor(IServiceScope scope, string tenant)
    {
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetStaff(tenant, "u1", "User", [Roles.Admin]);
        return scope.ServiceProvider.GetRequiredService<TenantTable>();
    }
}
