using ETag = Azure.ETag;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Opportunities;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Tasks;

public sealed record TaskFilter(
    string? Status, string? AssigneeId, string? OpportunityId, string? OrderId, DateOnly? DueFrom, DateOnly? DueTo, string? Q);

/// <summary>
/// CRM tasks and their index rows (<see cref="TaskRows"/>). Every change writes the task row and its index rows in one
/// entity-group transaction, so the Central de Tarefas, an opportunity's task list and the billing gate (completed tasks
/// per order item, one range scan of the order's generated task rows) always agree with the task.
/// </summary>
public sealed class TaskStore(TenantTable table, TaskReferences references, AuditLog audit, TimeProvider clock)
{
    public async Task<CrmTask?> FindAsync(string id, CancellationToken ct = default)
    {
        if (!Ids.IsWellFormed(id))
        {
            return null;
        }

        var row = await table.GetAsync(CrmTask.Key(id), ct);
        return row is null ? null : CrmTask.FromEntity(row);
    }

    public async Task<CrmTask> GetAsync(string id, CancellationToken ct = default) =>
        await FindAsync(id, ct) ?? throw NotFound();

    public async Task<CrmTask> CreateAsync(TaskInput input, CancellationToken ct = default)
    {
        var validation = new Validation();
        TaskRules.ValidateInput(input, validation);
        var opportunity = await ResolveOpportunityAsync(input.OpportunityId, validation, ct);
        var assigneeId = string.IsNullOrWhiteSpace(input.AssigneeId) ? table.Context.UserId : input.AssigneeId.Trim();
        var assignee = await ResolveAssigneeAsync(assigneeId, validation, ct);
        validation.ThrowIfInvalid();

        var now = clock.GetUtcNow();
        var task = new CrmTask
        {
            Id = Ids.New(now),
            Subject = input.Subject!.Trim(),
            Description = NullIfBlank(input.Description),
            OpportunityId = opportunity?.Id,
            OpportunityTitle = opportunity?.Title,
            AssigneeId = assignee?.Id,
            AssigneeName = assignee?.Name,
            DueDate = input.DueDate,
            Origin = CrmTaskOrigin.Manual,
            Version = 1,
        };
        StampCreated(task, now);
        await CommitAsync(null, task, null, ct);
        return task;
    }

    public Task<CrmTask> UpdateAsync(string id, TaskInput input, ETag ifMatch, CancellationToken ct = default) =>
        MutateAsync(id, ifMatch, async task =>
        {
            var validation = new Validation();
            TaskRules.ValidateInput(input, validation);
            var opportunityId = NullIfBlank(input.OpportunityId);
            TaskRules.RequireSameOpportunity(task, opportunityId, validation);
            (string Id, string Title)? opportunity = opportunityId == task.OpportunityId && opportunityId is not null
                ? (opportunityId, task.OpportunityTitle ?? "")
                : await ResolveOpportunityAsync(opportunityId, validation, ct);
            var assigneeId = NullIfBlank(input.AssigneeId);
            (string Id, string Name)? assignee = assigneeId == task.AssigneeId && assigneeId is not null
                ? (assigneeId, task.AssigneeName ?? "")
                : await ResolveAssigneeAsync(assigneeId, validation, ct);
            validation.ThrowIfInvalid();

            task.Subject = input.Subject!.Trim();
            task.Description = NullIfBlank(input.Description);
            task.OpportunityId = opportunity?.Id;
            task.OpportunityTitle = opportunity?.Title;
            task.AssigneeId = assignee?.Id;
            task.AssigneeName = assignee?.Name;
            task.DueDate = input.DueDate;
            return null;
        }, ct);

    public Task<CrmTask> CompleteAsync(string id, ETag ifMatch, CancellationToken ct = default) =>
        MutateAsync(id, ifMatch, task =>
        {
            TaskRules.Complete(task, table.Context, clock.GetUtcNow());
            return Task.FromResult<TableTransactionAction?>(audit.Entry("task", id, "completed", task.Subject));
        }, ct);

    public Task<CrmTask> ReopenAsync(string id, ETag ifMatch, CancellationToken ct = default) =>
        MutateAsync(id, ifMatch, task =>
        {
            TaskRules.Reopen(task);
            return Task.FromResult<TableTransactionAction?>(audit.Entry("task", id, "reopened", task.Subject));
        }, ct);

    public async Task DeleteAsync(string id, ETag ifMatch, CancellationToken ct = default)
    {
        var task = await GetAsync(id, ct);
        RecordVersion.Require(task.Version, ifMatch);
        if (task.Origin == CrmTaskOrigin.SalesOrder)
        {
            // Its completion is what releases the order item's billing; the order step would also recreate it.
            throw AppException.InvalidState("Tarefas geradas por pedido de venda não podem ser excluídas: elas liberam o faturamento do pedido.");
        }

        await CommitAsync(task, null, audit.Entry("task", id, "deleted", task.Subject), ct);
    }

    /// <summary>
    /// Central de Tarefas: one bounded scan of the narrowest range (an order's or an opportunity's index rows, else all
    /// tasks), exact and due-date conditions evaluated by the table service, the text search client-side.
    /// </summary>
    public async Task<Page<CrmTask>> ListAsync(TaskFilter filter, int pageSize, string? continuation, CancellationToken ct = default)
    {
        var validation = new Validation();
        validation.Check(string.IsNullOrWhiteSpace(filter.Status) || CrmTaskStatus.IsKnown(filter.Status), "status",
            "Situação inválida: use open ou done.");
        validation.Check(filter.DueFrom is null || filter.DueTo is null || filter.DueFrom <= filter.DueTo, "dueTo",
            "A data final do vencimento deve ser igual ou posterior à inicial.");
        validation.Check(string.IsNullOrWhiteSpace(filter.OpportunityId) || Ids.IsWellFormed(filter.OpportunityId), "opportunityId", "Identificador inválido.");
        validation.Check(string.IsNullOrWhiteSpace(filter.OrderId) || Ids.IsWellFormed(filter.OrderId), "orderId", "Identificador inválido.");
        validation.ThrowIfInvalid();

        var conditions = new QueryConditions()
            .Equal("Status", filter.Status)
            .Equal("AssigneeId", filter.AssigneeId)
            .Compare("DueDate", "ge", filter.DueFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Compare("DueDate", "le", filter.DueTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Func<TableEntity, bool>? match = string.IsNullOrWhiteSpace(filter.Q) ? null : row => SearchText.Matches(row.GetString("SearchText"), filter.Q);
        List<string> ranges;
        if (!string.IsNullOrWhiteSpace(filter.OrderId))
        {
            ranges = [CrmTask.OrderPrefix(filter.OrderId.Trim())];
            conditions.Equal("OpportunityId", filter.OpportunityId);
        }
        else if (!string.IsNullOrWhiteSpace(filter.OpportunityId))
        {
            ranges = await OpportunityRangesAsync(filter.OpportunityId.Trim(), ct);
        }
        else
        {
            ranges = [CrmTask.KeyPrefix];
        }

        return await ScanRangesAsync(ranges, pageSize, continuation, match, conditions.Build(), ct);
    }

    /// <summary>An opportunity's tasks: its Central tasks' index rows, then the generated task rows of each of its orders.</summary>
    private async Task<List<string>> OpportunityRangesAsync(string opportunityId, CancellationToken ct)
    {
        var ranges = new List<string> { CrmTask.OpportunityPrefix(opportunityId) };
        await foreach (var link in table.QueryPrefixAsync(CrmTask.OpportunityOrderPrefix(opportunityId), select: ["OrderId"], ct: ct))
        {
            ranges.Add(CrmTask.OrderPrefix(link.GetString("OrderId") ?? ""));
        }

        return ranges;
    }

    /// <summary>
    /// One page over consecutive key ranges. The continuation is "&lt;range&gt;.&lt;token within the range&gt;", so the
    /// next page resumes in the range where this one stopped; a range is scanned only when the page still has room.
    /// </summary>
    private async Task<Page<CrmTask>> ScanRangesAsync(
        List<string> ranges, int pageSize, string? continuation, Func<TableEntity, bool>? match, string? filter, CancellationToken ct)
    {
        var (range, token) = ranges.Count == 1 ? (0, continuation) : SplitContinuation(continuation, ranges.Count);
        var items = new List<CrmTask>();
        while (range < ranges.Count)
        {
            var page = await table.ScanPageAsync(ranges[range], pageSize - items.Count, token, match, filter, CrmTask.ListProperties, ct: ct);
            items.AddRange(page.Items.Select(CrmTask.FromEntity));
            if (page.Continuation is not null)
            {
                return new Page<CrmTask>(items, ranges.Count == 1 ? page.Continuation : $"{range}.{page.Continuation}");
            }

            range++;
            token = null;
            if (items.Count >= pageSize)
            {
                return new Page<CrmTask>(items, range < ranges.Count ? $"{range}." : null);
            }
        }

        return new Page<CrmTask>(items, null);
    }

    private static (int Range, string? Token) SplitContinuation(string? continuation, int ranges)
    {
        if (string.IsNullOrEmpty(continuation))
        {
            return (0, null);
        }

        var dot = continuation.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !int.TryParse(continuation.AsSpan(0, dot), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var range)
            || range >= ranges)
        {
            throw AppException.Validation("continuation", "Token de continuação inválido.");
        }

        var token = continuation[(dot + 1)..];
        return (range, token.Length == 0 ? null : token);
    }

    /// <summary>
    /// Creates the tasks of sales order units (deterministic ids <c>&lt;orderId&gt;-&lt;itemId&gt;-&lt;unit:D5&gt;</c>) in
    /// entity-group transactions of ≤ 100 operations. Idempotent: tasks that already exist are skipped, so a redelivered
    /// step writes nothing (one range scan per order to learn what exists). Tasks are never updated here: an existing
    /// task keeps its status and whatever the user changed.
    /// </summary>
    public async Task<GeneratedTasksResult> CreateGeneratedTasksAsync(IReadOnlyList<NewGeneratedTask> tasks, CancellationToken ct = default)
    {
        foreach (var task in tasks)
        {
            TaskRules.ValidateGenerated(task);
        }

        var unique = tasks
            .GroupBy(t => CrmTask.GeneratedId(t.OrderId, t.OrderItemId, t.UnitIndex), StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        var existing = await ExistingGeneratedAsync(unique.Select(t => t.OrderId).Distinct(StringComparer.Ordinal), ct);
        var missing = unique.Where(t => !existing.Contains(GeneratedKey(t))).ToList();
        var links = missing
            .Where(t => t.OpportunityId is not null)
            .Select(t => (OpportunityId: t.OpportunityId!, t.OrderId))
            .Distinct()
            .Select(l => TaskRows.OpportunityLinkAction(table, l.OpportunityId, l.OrderId))
            .ToList();
        var created = 0;
        foreach (var chunk in missing.Chunk(TableLimits.MaxBatchOperations - links.Count))
        {
            created += await CreateChunkAsync([.. chunk], links, ct);
        }

        return new GeneratedTasksResult(created, tasks.Count - created);
    }

    /// <summary>Per order item: how many tasks it has and how many are done — one range scan of the order's index rows.</summary>
    public async Task<IReadOnlyDictionary<string, OrderItemTasks>> CountByOrderItemAsync(string orderId, CancellationToken ct = default)
    {
        var counts = new Dictionary<string, (int Total, int Completed)>(StringComparer.Ordinal);
        if (!Ids.IsWellFormed(orderId))
        {
            return new Dictionary<string, OrderItemTasks>();
        }

        await foreach (var row in table.QueryPrefixAsync(CrmTask.OrderPrefix(orderId), select: ["OrderItemId", "Status"], ct: ct))
        {
            var itemId = row.GetString("OrderItemId") ?? "";
            counts.TryGetValue(itemId, out var count);
            counts[itemId] = (count.Total + 1, count.Completed + (row.GetString("Status") == CrmTaskStatus.Done ? 1 : 0));
        }

        return counts.ToDictionary(c => c.Key, c => new OrderItemTasks(c.Key, c.Value.Total, c.Value.Completed), StringComparer.Ordinal);
    }

    /// <summary>Writes one chunk of tasks with the opportunity link rows (upserts: every chunk may carry them again).</summary>
    private async Task<int> CreateChunkAsync(List<NewGeneratedTask> chunk, List<TableTransactionAction> links, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var actions = new List<TableTransactionAction>();
            foreach (var input in chunk)
            {
                actions.AddRange(TaskRows.WriteActions(table, null, TaskRows.Generated(input, table.Context, now)));
            }

            actions.AddRange(links);

            try
            {
                await table.SubmitAsync(actions, ct);
                return chunk.Count;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && attempt < 3)
            {
                // A concurrent delivery created some of them first: keep only the ones still missing.
                var existing = await ExistingGeneratedAsync(chunk.Select(t => t.OrderId).Distinct(StringComparer.Ordinal), ct);
                chunk = chunk.Where(t => !existing.Contains(GeneratedKey(t))).ToList();
                if (chunk.Count == 0)
                {
                    return 0;
                }
            }
        }
    }

    private async Task<HashSet<string>> ExistingGeneratedAsync(IEnumerable<string> orderIds, CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var orderId in orderIds)
        {
            await foreach (var row in table.QueryPrefixAsync(CrmTask.OrderPrefix(orderId), select: ["RowKey"], ct: ct))
            {
                keys.Add(row.RowKey);
            }
        }

        return keys;
    }

    private static string GeneratedKey(NewGeneratedTask task) => CrmTask.Key(CrmTask.GeneratedId(task.OrderId, task.OrderItemId, task.UnitIndex));

    private async Task<CrmTask> MutateAsync(string id, ETag ifMatch, Func<CrmTask, Task<TableTransactionAction?>> change, CancellationToken ct)
    {
        var before = await GetAsync(id, ct);
        RecordVersion.Require(before.Version, ifMatch);
        var after = CrmTask.FromEntity(before.ToEntity(table));
        after.StorageETag = before.StorageETag;
        var auditRow = await change(after);
        after.Version = before.Version + 1;
        StampUpdated(after, clock.GetUtcNow());

        // A concurrent change makes the task row's ETag stale: the batch fails with 412, mapped to the conflict problem.
        await CommitAsync(before, after, auditRow, ct);
        return after;
    }

    private async Task CommitAsync(CrmTask? before, CrmTask? after, TableTransactionAction? auditRow, CancellationToken ct)
    {
        var actions = TaskRows.WriteActions(table, before, after);
        if (auditRow is not null)
        {
            actions.Add(auditRow);
        }

        var etags = await table.SubmitAsync(actions, ct);
        if (after is not null)
        {
            after.StorageETag = etags[0];
        }
    }

    private async Task<(string Id, string Title)?> ResolveOpportunityAsync(string? opportunityId, Validation validation, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(opportunityId))
        {
            return null;
        }

        var id = opportunityId.Trim();
        var row = Ids.IsWellFormed(id) ? await table.GetAsync(Opportunity.Key(id), ["Id", "Title"], ct) : null;
        validation.Check(row is not null, "opportunityId", "A oportunidade escolhida não existe.");
        return row is null ? null : (id, row.GetString("Title") ?? "");
    }

    private async Task<(string Id, string Name)?> ResolveAssigneeAsync(string? assigneeId, Validation validation, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(assigneeId))
        {
            return null;
        }

        var user = await references.FindAssignableUserAsync(assigneeId, ct);
        validation.Check(user is not null, "assigneeId", "O responsável escolhido não existe ou está desativado.");
        return user;
    }

    private void StampCreated(CrmTask task, DateTimeOffset now)
    {
        var context = table.Context;
        task.CreatedAt = now;
        task.CreatedBy = context.Actor;
        task.CreatedById = context.UserId ?? "";
        StampUpdated(task, now);
    }

    private void StampUpdated(CrmTask task, DateTimeOffset now)
    {
        var context = table.Context;
        task.UpdatedAt = now;
        task.UpdatedBy = context.Actor;
        task.UpdatedById = context.UserId ?? "";
    }

    /// <summary>Today in São Paulo, for the "atrasada" flag of open tasks.</summary>
    public DateOnly Today() => BrazilFormat.TodayInSaoPaulo(clock.GetUtcNow());

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static AppException NotFound() => AppException.NotFound("Tarefa não encontrada.");
}
