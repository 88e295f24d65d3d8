using ETag = Azure.ETag;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Occurrences;

/// <summary>
/// A customer's relationship occurrences (Gescor "CRM Gestão"): consult by customer and period, add, change, delete,
/// print, competitor notes. Every call first checks the customer, so another tenant's (or an unknown) customer is a 404.
/// </summary>
public sealed class OccurrenceStore(TenantTable table, CustomerReferences references, AuditLog audit, TimeProvider clock)
{
    public DateOnly Today() => BrazilFormat.TodayInSaoPaulo(clock.GetUtcNow());

    public async Task<CustomerRef> RequireCustomerAsync(string customerId, CancellationToken ct) =>
        await references.FindCustomerAsync(customerId, ct) ?? throw AppException.NotFound("Cliente não encontrado.");

    public async Task<Occurrence> GetAsync(string customerId, string occurrenceId, CancellationToken ct = default)
    {
        if (!Ids.IsWellFormed(customerId) || !Ids.IsWellFormed(occurrenceId))
        {
            throw NotFound();
        }

        var pointer = await table.GetAsync(Occurrence.RefKey(customerId, occurrenceId), ["DateKey"], ct) ?? throw NotFound();
        var row = await table.GetAsync(KeyRange.Key("occurrence", customerId, pointer.GetString("DateKey") ?? "", occurrenceId), ct)
            ?? throw NotFound();
        return Occurrence.FromEntity(row);
    }

    public async Task<Occurrence> CreateAsync(string customerId, OccurrenceInput input, CancellationToken ct = default)
    {
        var customer = await RequireCustomerAsync(customerId, ct);
        var contact = await ValidateAsync(customer.Id, input, ct);
        var now = clock.GetUtcNow();
        var context = table.Context;
        var occurrence = new Occurrence
        {
            Id = Ids.New(now),
            CustomerId = customer.Id,
            CustomerName = customer.DisplayName,
            Date = input.Date!.Value,
            Type = input.Type!,
            ContactId = contact?.Id,
            ContactName = contact?.Name,
            Description = input.Description!.Trim(),
            AuthorId = context.UserId ?? "",
            AuthorName = context.Actor,
            CreatedAt = now,
            CreatedBy = context.Actor,
            CreatedById = context.UserId ?? "",
        };
        Stamp(occurrence, now);
        var row = occurrence.ToEntity(table);
        await table.SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, row),
            new TableTransactionAction(TableTransactionActionType.Add, occurrence.ToRefEntity(table)),
        ], ct);
        occurrence.ETag = row.ETag;
        return occurrence;
    }

    /// <summary>Changes the occurrence; a new date moves the row (delete + insert + pointer in one batch).</summary>
    public async Task<Occurrence> UpdateAsync(string customerId, string occurrenceId, OccurrenceInput input, ETag ifMatch, CancellationToken ct = default)
    {
        var occurrence = await GetAsync(customerId, occurrenceId, ct);
        RequireVersion(occurrence, ifMatch);
        var contact = await ValidateAsync(customerId, input, ct);
        var oldKey = occurrence.RowKey;
        occurrence.Date = input.Date!.Value;
        occurrence.Type = input.Type!;
        occurrence.ContactId = contact?.Id;
        occurrence.ContactName = contact?.Name;
        occurrence.Description = input.Description!.Trim();
        Stamp(occurrence, clock.GetUtcNow());
        await SaveAsync(occurrence, oldKey, ifMatch, ct);
        return occurrence;
    }

    public async Task DeleteAsync(string customerId, string occurrenceId, ETag ifMatch, CancellationToken ct = default)
    {
        var occurrence = await GetAsync(customerId, occurrenceId, ct);
        RequireVersion(occurrence, ifMatch);
        await table.SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Delete, table.NewEntity(occurrence.RowKey), ifMatch),
            new TableTransactionAction(TableTransactionActionType.Delete, table.NewEntity(Occurrence.RefKey(customerId, occurrenceId))),
            audit.Entry("occurrence", occurrenceId, "deleted",
                $"{BrazilFormat.Date(occurrence.Date)} {OccurrenceType.Label(occurrence.Type)}: {Shorten(occurrence.Description)}"),
        ], ct);
    }

    public async Task<Occurrence> AddCompetitorAsync(string customerId, string occurrenceId, CompetitorInput input, ETag ifMatch, CancellationToken ct = default)
    {
        var occurrence = await GetAsync(customerId, occurrenceId, ct);
        RequireVersion(occurrence, ifMatch);
        var now = clock.GetUtcNow();
        occurrence.Competitors.Add(OccurrenceRules.Competitor(input, occurrence.Competitors.Count, Ids.New(now), now, table.Context.Actor));
        Stamp(occurrence, now);
        await SaveAsync(occurrence, occurrence.RowKey, ifMatch, ct);
        return occurrence;
    }

    public async Task<Occurrence> RemoveCompetitorAsync(string customerId, string occurrenceId, string competitorId, ETag ifMatch, CancellationToken ct = default)
    {
        var occurrence = await GetAsync(customerId, occurrenceId, ct);
        RequireVersion(occurrence, ifMatch);
        if (occurrence.Competitors.RemoveAll(c => c.Id == competitorId) == 0)
        {
            throw AppException.NotFound("Anotação de concorrente não encontrada.");
        }

        Stamp(occurrence, clock.GetUtcNow());
        await SaveAsync(occurrence, occurrence.RowKey, ifMatch, ct);
        return occurrence;
    }

    /// <summary>One page of the customer's occurrences in the period, oldest first: one range scan of their row keys.</summary>
    public async Task<Page<Occurrence>> ListAsync(
        string customerId, DateOnly from, DateOnly to, string? type, string? q, int pageSize, string? continuation, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(type) && !OccurrenceType.IsKnown(type))
        {
            throw AppException.Validation("type", "Tipo de ocorrência inválido: use visita, diario, pos-venda, sac ou outro.");
        }

        Func<TableEntity, bool>? match = string.IsNullOrWhiteSpace(q) ? null : row => SearchText.Matches(row.GetString("SearchText"), q);
        var page = await table.ScanPageAsync(
            Occurrence.CustomerPrefix(customerId), pageSize, continuation, match, PeriodFilter(customerId, from, to, type), ct: ct);
        return new Page<Occurrence>(page.Items.Select(Occurrence.FromEntity).ToList(), page.Continuation);
    }

    /// <summary>Everything the printed report shows (at most <see cref="OccurrenceRules.MaxPrinted"/> + 1, to tell it was cut).</summary>
    public async Task<IReadOnlyList<Occurrence>> ListForPrintAsync(string customerId, DateOnly from, DateOnly to, string? type, CancellationToken ct = default)
    {
        var items = new List<Occurrence>();
        await foreach (var row in table.QueryPrefixAsync(Occurrence.CustomerPrefix(customerId), PeriodFilter(customerId, from, to, type), ct: ct))
        {
            items.Add(Occurrence.FromEntity(row));
            if (items.Count > OccurrenceRules.MaxPrinted)
            {
                break;
            }
        }

        return items;
    }

    private static string PeriodFilter(string customerId, DateOnly from, DateOnly to, string? type)
    {
        var start = Occurrence.DayStart(customerId, from);
        var end = Occurrence.DayStart(customerId, to.AddDays(1));
        var filter = TableClient.CreateQueryFilter($"RowKey ge {start} and RowKey lt {end}");
        return string.IsNullOrWhiteSpace(type) ? filter : filter + " and " + TableClient.CreateQueryFilter($"Type eq {type}");
    }

    private async Task SaveAsync(Occurrence occurrence, string oldKey, ETag ifMatch, CancellationToken ct)
    {
        var row = occurrence.ToEntity(table);
        if (row.RowKey == oldKey)
        {
            await table.SubmitAsync([new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, ifMatch)], ct);
        }
        else
        {
            await table.SubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Delete, table.NewEntity(oldKey), ifMatch),
                new TableTransactionAction(TableTransactionActionType.Add, row),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, occurrence.ToRefEntity(table)),
            ], ct);
        }

        occurrence.ETag = row.ETag;
    }

    private async Task<CustomerContactRef?> ValidateAsync(string customerId, OccurrenceInput input, CancellationToken ct)
    {
        var validation = new Validation();
        OccurrenceRules.Validate(input, validation);
        CustomerContactRef? contact = null;
        if (!string.IsNullOrWhiteSpace(input.ContactId))
        {
            contact = await references.FindContactAsync(customerId, input.ContactId.Trim(), ct);
            validation.Check(contact is not null, "contactId", "O contato escolhido não pertence a este cliente.");
        }

        validation.ThrowIfInvalid();
        return contact;
    }

    private void Stamp(Occurrence occurrence, DateTimeOffset now)
    {
        var context = table.Context;
        occurrence.UpdatedAt = now;
        occurrence.UpdatedBy = context.Actor;
        occurrence.UpdatedById = context.UserId ?? "";
    }

    private static void RequireVersion(Occurrence occurrence, ETag ifMatch)
    {
        if (occurrence.ETag != ifMatch)
        {
            throw new AppException(412, ErrorCodes.Conflict, ProblemDetailsMapping.ConflictDetail);
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static AppException NotFound() => AppException.NotFound("Ocorrência não encontrada.");
}
