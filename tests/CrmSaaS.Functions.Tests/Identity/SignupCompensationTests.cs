using System.Net;
using System.Net.Http.Json;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Identity;

/// <summary>An app whose storage the test creates itself, so the tenant table can be missing on purpose.</summary>
public sealed class BareStorageApp : CrmApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Storage:CreateResources"] = "false" };
}

public sealed class SignupCompensationTests(BareStorageApp app) : IClassFixture<BareStorageApp>
{
    [Fact]
    public async Task When_the_tenant_cannot_be_written_the_claims_are_given_back()
    {
        // Only the directory exists: the claims commit, the tenant's transaction fails.
        await app.Service<DirectoryTable>().Table.CreateIfNotExistsAsync();
        var request = IdentityTestData.NewSignup("Empresa Compensada");

        var failed = await app.Anonymous().PostAsJsonAsync("/api/auth/signup", request);

        failed.IsSuccessStatusCode.ShouldBeFalse();
        var directory = IdentityTestData.Directory(app);
        (await directory.GetEntityIfExistsAsync(IdentityDirectory.ClaimsPartition, IdentityDirectory.LoginKey(request.Email!))).ShouldBeNull();
        (await directory.GetEntityIfExistsAsync(IdentityDirectory.ClaimsPartition, IdentityDirectory.SlugKey("empresa-compensada"))).ShouldBeNull();

        await app.Service<TenantDataTableClient>().Table.CreateIfNotExistsAsync();
        await app.Service<QueueRuntime>().Queue(EmailOutbox.QueueName).CreateIfNotExistsAsync();
        var retried = await app.Anonymous().PostAsJsonAsync("/api/auth/signup", request);

        (await retried.ReadAsync<SignupResponse>(HttpStatusCode.Created)).Slug.ShouldBe("empresa-compensada");
    }
}
