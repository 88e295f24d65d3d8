using ETag = Azure.ETag;
using CrmSaaS.Functions.Catalogue;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Solutions;

public sealed record SolutionFields(string Name, string? Description, bool? Active, IReadOnlyList<ServiceLine> Lines)
{
    public string SearchText => Platform.SearchText.Of([Name, Description, .. Lines.Select(l => l.Description)]);
}

public static class SolutionRules
{
    public static SolutionFields Validate(
        SolutionRequest request, IReadOnlyDictionary<string, Service> services, IReadOnlyDictionary<string, Category> categories)
    {
        var v = new Validation();
        var name = FieldRules.RequiredText(v, request.Name, 120, "name", "Informe o nome da solução.", "O nome da solução");
        var description = FieldRules.Text(v, request.Description, 1000, "description", "A descrição");
        var lines = ServiceLineRules.Validate(v, request.Lines, "lines", serviceRequired: true,
            "Inclua ao menos um serviço na solução.", services, categories);
        v.ThrowIfInvalid();
        return new SolutionFields(name, description, request.Active, lines);
    }
}

/// <summary>
/// Solutions. Each service a solution uses gets a <c>ref|service|&lt;serviceId&gt;|solution|&lt;id&gt;</c> row in the
/// solution's batch, so the catalogue can refuse to delete a service in use with one single-row scan.
/// </summary>
public sealed class SolutionStore(TenantTable table, CatalogueStore catalogue, AuditLog audit, TimeProvider clock)
{
    public const string EntityKind = "solution";
    public const string NotFoundDetail = "Solução não encontrada.";

    public static string Key(string id) => KeyRange.Key(EntityKind, id);

    public async Task<Solution?> FindAsync(string? id, CancellationToken ct = default) =>
        Ids.IsWellFormed(id) && await table.GetAsync(Key(id!), ct) is { } row ? Solution.From(row) : null;

    public async Task<Solution> GetAsync(string? id, CancellationToken ct = default) =>
        await FindAsync(id, ct) ?? throw AppException.NotFound(NotFoundDetail);

    /// <summary>The lines an opportunity copies when this solution is chosen, each with gross, discount and total.</summary>
    public async Task<SolutionTicketLines> GetTicketLinesAsync(string id, CancellationToken ct = default)
    {
        var solution = await GetAsync(id, ct);
        var lines = solution.Lines.Select(ServiceLineRules.Price).ToList();
        var totals = ServiceLineRules.Totals(solution.Lines);
        return new SolutionTicketLines(solution.Id, solution.Name, lines, totals.Gross, totals.Discount, totals.Total);
    }

    public async Task<Solution> CreateAsync(SolutionRequest request, CancellationToken ct = default)
    {
        var (services, categories) = await ServiceLineLookup.LoadAsync(catalogue, request.Lines, ct);
        var fields = SolutionRules.Validate(request, services, categories);
        var id = Ids.New();
        var row = table.NewEntity(Key(id));
        row["Id"] = id;
        Apply(row, fields);
        row["Active"] = fields.Active ?? true;
        row.StampCreated(table.Context, clock.GetUtcNow());

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, row) };
        actions.AddRange(RefActions(new HashSet<string>(), fields, id));
        actions.Add(audit.Entry(EntityKind, id, "created", fields.Name));
        await table.SubmitAsync(actions, ct);
        return Solution.From(row);
    }

    public async Task<Page<Solution>> ListAsync(string? q, bool? active, int pageSize, string? continuation, CancellationToken ct = default)
    {
        Func<TableEntity, bool>? match = string.IsNullOrWhiteSpace(q) ? null : row => SearchText.Matches(row.GetString("SearchText"), q);
        var filter = active is null ? null : TableClient.CreateQueryFilter($"Active eq {active.Value}");
        var page = await table.ScanPageAsync(EntityKind + "|", pageSize, continuation, match, filter, ct: ct);
        return new Page<Solution>(page.Items.Select(Solution.From).ToList(), page.Continuation);
    }

    public async Task<Solution> UpdateAsync(string id, SolutionRequest request, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        var (services, categories) = await ServiceLineLookup.LoadAsync(catalogue, request.Lines, ct);
        var fields = SolutionRules.Validate(request, services, categories);
        var oldServices = ServiceLineRules.ServiceIds(ServiceLineRules.FromJson(row.GetString("LinesJson")));
        Apply(row, fields);
        row["Active"] = fields.Active ?? row.GetBoolean("Active") ?? true;
        row.StampUpdated(table.Context, clock.GetUtcNow());

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, row.ETag) };
        actions.AddRange(RefActions(oldServices, fields, id));
        actions.Add(audit.Entry(EntityKind, id, "updated", fields.Name));
        await table.SubmitAsync(actions, ct);
        return Solution.From(row);
    }

    /// <summary>Deletes a solution no opportunity was created with (those keep its id): otherwise deactivate it.</summary>
    public async Task DeleteAsync(string id, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        if (await table.FirstUnderAsync(RecordConventions.RefPrefix(EntityKind, id), ct) is { } reference)
        {
            throw RecordConventions.InUse(
                $"Esta solução foi usada na {reference.GetString("SourceLabel")} e não pode ser excluída. Desative-a (ativa = não) para que não seja mais oferecida.");
        }

        var oldServices = ServiceLineRules.ServiceIds(ServiceLineRules.FromJson(row.GetString("LinesJson")));
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, row, row.ETag) };
        actions.AddRange(RecordConventions.RefActions(table, CatalogueStore.ServiceKind, oldServices, new HashSet<string>(), EntityKind, id, ""));
        actions.Add(audit.Entry(EntityKind, id, "deleted", row.GetString("Name")));
        await table.SubmitAsync(actions, ct);
    }

    private async Task<TableEntity> RequireRowAsync(string id, CancellationToken ct) =>
        await table.GetRequiredAsync(Key(RecordConventions.RequireId(id, NotFoundDetail)), NotFoundDetail, ct);

    private IEnumerable<TableTransactionAction> RefActions(IReadOnlySet<string> oldServices, SolutionFields fields, string id) =>
        RecordConventions.RefActions(table, CatalogueStore.ServiceKind, oldServices, ServiceLineRules.ServiceIds(fields.Lines),
            EntityKind, id, $"solução \"{fields.Name}\"");

    private static void Apply(TableEntity row, SolutionFields fields)
    {
        row["Name"] = fields.Name;
        row.SetOptional("Description", fields.Description);
        row["LinesJson"] = ServiceLineRules.ToJson(fields.Lines);
        row["Total"] = ServiceLineRules.Totals(fields.Lines).Total;
        row["SearchText"] = fields.SearchText;
    }
}
