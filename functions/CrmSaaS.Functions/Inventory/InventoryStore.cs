using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;
using ETag = Azure.ETag;

namespace CrmSaaS.Functions.Inventory;

/// <summary>
/// Inventory items in the caller's tenant partition. Each item has index rows, written in the same entity-group
/// transaction as the item and carrying the same properties, so that every list is one range scan:
/// <list type="bullet">
/// <item><c>inventory-serial|&lt;serial&gt;</c>: the unique serial number (an Add in the item's batch, so a duplicate cannot commit) and the serial-prefix search;</item>
/// <item><c>inventory-customer|&lt;customerId&gt;|&lt;id&gt;</c>: the customer's inventory tab and CSV export;</item>
/// <item><c>inventory-site|&lt;customerId&gt;|&lt;siteId&gt;|&lt;id&gt;</c> and <c>inventory-contract|&lt;contractId&gt;|&lt;id&gt;</c>: what a site or contract still holds;</item>
/// <item><c>inventory-order|&lt;orderId&gt;|&lt;id&gt;</c>: serial numbers already registered from an order.</item>
/// </list>
/// History is kept as audit rows (<c>audit|inventory|&lt;id&gt;|…</c>) written with every change.
/// </summary>
public sealed class InventoryStore(TenantTable table, InventoryLookups lookups, AuditLog audit, TimeProvider clock)
{
    public const string EntityKind = "inventory";
    public const string NotFoundDetail = "Item de inventário não encontrado.";
    public const string CustomerNotFoundDetail = "Cliente não encontrado.";

    private const int SerialChecksInParallel = 8;

    public static string Key(string id) => KeyRange.Key(EntityKind, id);

    public static string SerialKey(string serial) => KeyRange.Key("inventory-serial", SerialNumbers.KeyPart(serial));

    public static string SerialPrefix(string serialPrefix) => "inventory-serial|" + SerialNumbers.KeyPart(serialPrefix);

    public static string CustomerPrefix(string customerId) => KeyRange.Key("inventory-customer", customerId) + "|";

    public static string SitePrefix(string customerId, string siteId) => KeyRange.Key("inventory-site", customerId, siteId) + "|";

    public static string ContractPrefix(string contractId) => KeyRange.Key("inventory-contract", contractId) + "|";

    public static string OrderPrefix(string orderId) => KeyRange.Key("inventory-order", orderId) + "|";

    // ---- reads ----

    public async Task<InventoryItem> GetAsync(string id, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        var history = await audit.ListAsync(EntityKind, id, ct);
        return InventoryItem.From(row) with
        {
            History = history.Select(h => new InventoryHistoryEntry(h.Action, h.Details, h.At, h.ActorName)).ToList(),
        };
    }

    /// <summary>
    /// One page of items, newest last. A serial prefix is one range scan of the serial index; a customer is one range
    /// scan of that customer's index; otherwise the items themselves. The keyword filter runs on <c>SearchText</c>
    /// during the (bounded) scan, the type filter on the server.
    /// </summary>
    public async Task<Page<InventoryItem>> ListAsync(
        string? q, string? serialPrefix, string? customerId, string? typeId, int pageSize, string? continuation, CancellationToken ct = default)
    {
        var serial = SerialNumbers.Normalize(serialPrefix);
        var filters = new List<string>();
        if (!string.IsNullOrWhiteSpace(typeId))
        {
            filters.Add(TableClient.CreateQueryFilter($"TypeId eq {typeId.Trim()}"));
        }

        string prefix;
        if (serial.Length > 0)
        {
            prefix = SerialPrefix(serial);
            if (!string.IsNullOrWhiteSpace(customerId))
            {
                filters.Add(TableClient.CreateQueryFilter($"CustomerId eq {customerId.Trim()}"));
            }
        }
        else if (!string.IsNullOrWhiteSpace(customerId))
        {
            if (!Ids.IsWellFormed(customerId.Trim()))
            {
                return new Page<InventoryItem>([], null);
            }

            prefix = CustomerPrefix(customerId.Trim());
        }
        else
        {
            prefix = EntityKind + "|";
        }

        Func<TableEntity, bool>? match = string.IsNullOrWhiteSpace(q) ? null : row => SearchText.Matches(row.GetString("SearchText"), q);
        var page = await table.ScanPageAsync(
            prefix, pageSize, continuation, match, filters.Count == 0 ? null : string.Join(" and ", filters), ct: ct);
        return new Page<InventoryItem>(page.Items.Select(InventoryItem.From).ToList(), page.Continuation);
    }

    /// <summary>The customer's inventory tab: 404 for a customer that is not the caller's tenant's.</summary>
    public async Task<Page<InventoryItem>> ListForCustomerAsync(
        string customerId, string? q, string? typeId, int pageSize, string? continuation, CancellationToken ct = default)
    {
        await RequireCustomerAsync(customerId, ct);
        return await ListAsync(q, null, customerId, typeId, pageSize, continuation, ct);
    }

    /// <summary>Every item of the customer, by site and serial number, for the CSV export.</summary>
    public async Task<(CustomerRef Customer, IReadOnlyList<InventoryItem> Items)> ExportAsync(string customerId, CancellationToken ct = default)
    {
        var customer = await RequireCustomerAsync(customerId, ct);
        var items = new List<InventoryItem>();
        await foreach (var row in table.QueryPrefixAsync(CustomerPrefix(customerId), ct: ct))
        {
            items.Add(InventoryItem.From(row));
        }

        var sorted = items
            .OrderBy(i => i.SiteName, StringComparer.InvariantCultureIgnoreCase)
            .ThenBy(i => i.SerialNumber, StringComparer.Ordinal)
            .ToList();
        return (customer, sorted);
    }

    // ---- writes ----

    public async Task<InventoryItem> CreateAsync(InventoryInput input, CancellationToken ct = default)
    {
        var (values, _) = await ResolveAsync(input, null, ct);
        var id = Ids.New();
        var row = ItemRow(id, values);
        row.StampCreated(table.Context, clock.GetUtcNow());
        var actions = IndexRows(id, values, row).Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)).ToList();
        actions.Insert(0, new TableTransactionAction(TableTransactionActionType.Add, row));
        actions.Add(audit.Entry(EntityKind, id, "created", $"Item cadastrado com o número de série {values.Serial} no site {values.SiteName}."));
        await SubmitGuardingSerialsAsync(actions, [values.Serial], ct);
        return InventoryItem.From(row);
    }

    /// <summary>Edit every field. A new serial moves its unique index row; a new site is recorded as a move.</summary>
    public async Task<InventoryItem> UpdateAsync(string id, InventoryItemRequest request, ETag ifMatch, CancellationToken ct = default)
    {
        // The item is read first: another tenant's id is a 404 before its body is even looked at.
        var row = await RequireRowAsync(id, ct);
        EnsureCurrent(row, ifMatch);
        var input = InventoryRules.Check(request);
        var before = Values(row);
        var orderItemId = string.Equals(input.OrderId, before.OrderId, StringComparison.Ordinal) ? before.OrderItemId : null;
        var (after, _) = await ResolveAsync(input, orderItemId, ct);
        return await SaveAsync(row, before, after, ct);
    }

    /// <summary>Moves the item to another site of its customer; the item (and its history) stays the same record.</summary>
    public async Task<InventoryItem> MoveAsync(string id, string? siteId, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        EnsureCurrent(row, ifMatch);
        var before = Values(row);
        var target = siteId?.Trim();
        if (string.IsNullOrEmpty(target))
        {
            throw AppException.Validation("siteId", "Informe o site de destino.");
        }

        if (string.Equals(target, before.SiteId, StringComparison.Ordinal))
        {
            throw AppException.Validation("siteId", $"O item já está no site {before.SiteName}.");
        }

        var site = await lookups.FindSiteAsync(before.CustomerId, target, ct)
            ?? throw AppException.Validation("siteId", "O site de destino não pertence ao cliente deste item: escolha um site do cliente.");
        return await SaveAsync(row, before, before with { SiteId = site.Id, SiteName = site.Name }, ct);
    }

    public async Task DeleteAsync(string id, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(id, ct);
        EnsureCurrent(row, ifMatch);
        var values = Values(row);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, row, row.ETag) };
        actions.AddRange(IndexKeys(id, values).Select(key => new TableTransactionAction(TableTransactionActionType.Delete, table.NewEntity(key))));
        actions.Add(audit.Entry(EntityKind, id, "deleted",
            $"Item excluído: número de série {values.Serial}, cliente {values.CustomerName}, site {values.SiteName}."));
        await table.SubmitAsync(actions, ct);
    }

    /// <summary>
    /// Registers delivered units by serial number in one step: every serial is checked (format, repeated in the list,
    /// already registered) before anything is written, then items are written in batches of at most 100 operations.
    /// Should a batch still fail (a serial registered by someone else in between), the batches already written are
    /// removed again, so the step leaves all or nothing.
    /// </summary>
    public async Task<IReadOnlyList<InventoryItem>> RegisterSerialsAsync(RegisterSerialsInput input, CancellationToken ct = default)
    {
        var first = input.Serials[0];
        var template = new InventoryInput(
            first.Serial, first.Typed, input.CustomerId, input.ContractId, input.SiteId, input.TypeId, input.Description, input.Notes, input.OrderId, null, input.WarrantyUntil);
        var (values, order) = await ResolveAsync(template, input.OrderItemId, ct);

        if (order is not null)
        {
            var registered = await CountRegisteredAsync(order.Id, input.OrderItemId!, ct);
            var orderItem = InventoryRules.CheckOrderItem(order, input.CustomerId, input.OrderItemId!, input.Serials.Count, registered);
            values = values with { Description = values.Description ?? orderItem.Description };
        }

        await EnsureSerialsAreFreeAsync(input.Serials, ct);

        var now = clock.GetUtcNow();
        var created = new List<TableEntity>();
        var batches = new List<List<TableTransactionAction>>();
        var batch = new List<TableTransactionAction>();
        for (var i = 0; i < input.Serials.Count; i++)
        {
            var serial = input.Serials[i];
            var itemValues = values with { Serial = serial.Serial, SerialTyped = serial.Typed };
            // One millisecond apart: ids sort by time, so the lists show the serials in the order they were typed.
            var id = Ids.New(now.AddMilliseconds(i));
            var row = ItemRow(id, itemValues);
            row.StampCreated(table.Context, now);
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, row) };
            actions.AddRange(IndexRows(id, itemValues, row).Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
            actions.Add(audit.Entry(EntityKind, id, "created", RegisteredDetail(itemValues)));
            if (batch.Count + actions.Count > TableLimits.MaxBatchOperations)
            {
                batches.Add(batch);
                batch = [];
            }

            batch.AddRange(actions);
            created.Add(row);
        }

        batches.Add(batch);
        var written = new List<List<TableTransactionAction>>();
        try
        {
            foreach (var next in batches)
            {
                await SubmitGuardingSerialsAsync(next, input.Serials.Select(s => s.Serial), ct);
                written.Add(next);
            }
        }
        catch
        {
            await UndoAsync(written);
            throw;
        }

        return created.Select(InventoryItem.From).ToList();
    }

    // ---- helpers ----

    private async Task<InventoryItem> SaveAsync(TableEntity row, InventoryValues before, InventoryValues after, CancellationToken ct)
    {
        if (before == after)
        {
            return InventoryItem.From(row);
        }

        var id = row.GetString("Id")!;
        var updated = ItemRow(id, after);
        foreach (var stamp in new[] { "CreatedAt", "CreatedBy", "CreatedById" })
        {
            if (row.TryGetValue(stamp, out var value))
            {
                updated[stamp] = value;
            }
        }

        updated.StampUpdated(table.Context, clock.GetUtcNow());
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, updated, row.ETag) };
        var oldKeys = IndexKeys(id, before).ToHashSet(StringComparer.Ordinal);
        foreach (var index in IndexRows(id, after, updated))
        {
            actions.Add(new TableTransactionAction(
                oldKeys.Remove(index.RowKey) ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.Add, index));
        }

        actions.AddRange(oldKeys.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, table.NewEntity(key))));

        var changes = InventoryRules.Changes(before, after);
        if (changes.Count > 0)
        {
            actions.Add(audit.Entry(EntityKind, id, "updated", "Alterado: " + string.Join("; ", changes) + "."));
        }

        if (!string.Equals(before.SiteId, after.SiteId, StringComparison.Ordinal))
        {
            actions.Add(audit.Entry(EntityKind, id, "moved", InventoryRules.MoveDetail(before.SiteName, after.SiteName)));
        }

        await SubmitGuardingSerialsAsync(actions, [after.Serial], ct);
        return InventoryItem.From(updated);
    }

    private async Task<(InventoryValues Values, OrderRef? Order)> ResolveAsync(InventoryInput input, string? orderItemId, CancellationToken ct)
    {
        var customer = lookups.FindCustomerAsync(input.CustomerId, ct);
        var contract = lookups.FindContractAsync(input.ContractId, ct);
        var site = lookups.FindSiteAsync(input.CustomerId, input.SiteId, ct);
        var type = lookups.FindTypeAsync(input.TypeId, ct);
        var order = input.OrderId is null ? Task.FromResult<OrderRef?>(null) : lookups.FindOrderAsync(input.OrderId, ct);
        var serviceOrder = input.ServiceOrderId is null ? Task.FromResult<ServiceOrderRef?>(null) : lookups.FindServiceOrderAsync(input.ServiceOrderId, ct);
        await Task.WhenAll(customer, contract, site, type, order, serviceOrder);
        var values = InventoryRules.Resolve(
            input, await customer, await contract, await site, await type, await order, await serviceOrder, orderItemId, new Validation());
        return (values, await order);
    }

    private async Task<CustomerRef> RequireCustomerAsync(string customerId, CancellationToken ct) =>
        await lookups.FindCustomerAsync(customerId, ct) ?? throw AppException.NotFound(CustomerNotFoundDetail);

    private async Task<TableEntity> RequireRowAsync(string id, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(id))
        {
            throw AppException.NotFound(NotFoundDetail);
        }

        return await table.GetRequiredAsync(Key(id), NotFoundDetail, ct);
    }

    // Refuse a stale edit before any lookup; the batch carries the same ETag, so a change in between still fails.
    private static void EnsureCurrent(TableEntity row, ETag ifMatch)
    {
        if (ifMatch != ETag.All && ifMatch != row.ETag)
        {
            throw new AppException(412, ErrorCodes.Conflict, ProblemDetailsMapping.ConflictDetail);
        }
    }

    private async Task<int> CountRegisteredAsync(string orderId, string orderItemId, CancellationToken ct)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"OrderItemId eq {orderItemId}");
        await foreach (var _ in table.QueryPrefixAsync(OrderPrefix(orderId), filter, ["RowKey"], ct))
        {
            count++;
        }

        return count;
    }

    /// <summary>Point reads of the serial index, a few at a time; every serial already taken is named in one answer.</summary>
    private async Task EnsureSerialsAreFreeAsync(IReadOnlyList<SerialEntry> serials, CancellationToken ct)
    {
        var taken = new System.Collections.Concurrent.ConcurrentBag<(int Order, TableEntity Row)>();
        var indexed = serials.Select((s, i) => (s.Serial, Order: i));
        await Parallel.ForEachAsync(
            indexed,
            new ParallelOptions { MaxDegreeOfParallelism = SerialChecksInParallel, CancellationToken = ct },
            async (entry, token) =>
            {
                if (await table.GetAsync(SerialKey(entry.Serial), token) is { } row)
                {
                    taken.Add((entry.Order, row));
                }
            });

        if (taken.IsEmpty)
        {
            return;
        }

        var rows = taken.OrderBy(t => t.Order).Select(t => t.Row).ToList();
        throw DuplicateOf(rows);
    }

    /// <summary>A 409 from a batch is the unique serial index refusing the Add: answer naming the item that holds it.</summary>
    private async Task SubmitGuardingSerialsAsync(List<TableTransactionAction> actions, IEnumerable<string> serials, CancellationToken ct)
    {
        try
        {
            await table.SubmitAsync(actions, ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            var serialAdds = actions
                .Where(a => a.ActionType == TableTransactionActionType.Add && a.Entity.RowKey.StartsWith("inventory-serial|", StringComparison.Ordinal))
                .Select(a => a.Entity.RowKey)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var serial in serials)
            {
                if (serialAdds.Contains(SerialKey(serial)) && await table.GetAsync(SerialKey(serial), ct) is { } existing)
                {
                    throw DuplicateOf([existing]);
                }
            }

            throw;
        }
    }

    private static AppException DuplicateOf(List<TableEntity> rows)
    {
        var first = rows[0];
        var detail = rows.Count == 1
            ? InventoryRules.DuplicateSerialDetail(first.GetString("SerialNumber") ?? "", first.GetString("CustomerName") ?? "", first.GetString("SiteName") ?? "")
            : $"{rows.Count} números de série já estão cadastrados: "
              + string.Join("; ", rows.Select(r => $"{r.GetString("SerialNumber")} no item de {r.GetString("CustomerName")} (site {r.GetString("SiteName")})"))
              + ".";
        var duplicate = AppException.Duplicate(detail);
        duplicate.Extensions["itemId"] = first.GetString("Id");
        duplicate.Extensions["serialNumbers"] = rows.Select(r => r.GetString("SerialNumber")).ToList();
        return duplicate;
    }

    /// <summary>Removes what earlier batches of a failed registration wrote (all were Adds), so nothing half-done stays.</summary>
    private async Task UndoAsync(List<List<TableTransactionAction>> written)
    {
        var deletes = written
            .SelectMany(b => b)
            .Select(a => new TableTransactionAction(TableTransactionActionType.Delete, table.NewEntity(a.Entity.RowKey)))
            .ToList();
        foreach (var chunk in deletes.Chunk(TableLimits.MaxBatchOperations))
        {
            // Not the caller's token: a cancelled request must still leave no half-registered serials.
            await table.SubmitAsync(chunk, CancellationToken.None);
        }
    }

    private static string RegisteredDetail(InventoryValues values) =>
        values.OrderNumber is { } number
            ? $"Item cadastrado com o número de série {values.Serial} no site {values.SiteName}, a partir do pedido nº {number}."
            : $"Item cadastrado com o número de série {values.Serial} no site {values.SiteName}.";

    private static IEnumerable<string> IndexKeys(string id, InventoryValues values)
    {
        yield return SerialKey(values.Serial);
        yield return KeyRange.Key("inventory-customer", values.CustomerId, id);
        yield return KeyRange.Key("inventory-site", values.CustomerId, values.SiteId, id);
        yield return KeyRange.Key("inventory-contract", values.ContractId, id);
        if (values.OrderId is not null)
        {
            yield return KeyRange.Key("inventory-order", values.OrderId, id);
        }
    }

    /// <summary>The index rows of an item: copies of its row under each index key.</summary>
    private IEnumerable<TableEntity> IndexRows(string id, InventoryValues values, TableEntity itemRow)
    {
        foreach (var key in IndexKeys(id, values))
        {
            var index = table.NewEntity(key);
            foreach (var (name, value) in itemRow)
            {
                if (name is not (TableEntity.PartitionKeyName or TableEntity.RowKeyName or TableEntity.TimestampName))
                {
                    index[name] = value;
                }
            }

            yield return index;
        }
    }

    private TableEntity ItemRow(string id, InventoryValues values)
    {
        var row = table.NewEntity(Key(id));
        row["Id"] = id;
        row["SerialNumber"] = values.Serial;
        row["SerialNumberTyped"] = values.SerialTyped;
        row["CustomerId"] = values.CustomerId;
        row["CustomerName"] = values.CustomerName;
        row["CustomerTradeName"] = values.CustomerTradeName;
        row["ContractId"] = values.ContractId;
        SetOptional(row, "ContractNumber", values.ContractNumber);
        row["ContractTitle"] = values.ContractTitle;
        row["SiteId"] = values.SiteId;
        row["SiteName"] = values.SiteName;
        row["TypeId"] = values.TypeId;
        row["TypeName"] = values.TypeName;
        SetOptional(row, "Description", values.Description);
        SetOptional(row, "Notes", values.Notes);
        SetOptional(row, "OrderId", values.OrderId);
        SetOptional(row, "OrderNumber", values.OrderNumber);
        SetOptional(row, "OrderItemId", values.OrderItemId);
        SetOptional(row, "ServiceOrderId", values.ServiceOrderId);
        SetOptional(row, "ServiceOrderNumber", values.ServiceOrderNumber);
        SetOptional(row, "WarrantyUntil", values.WarrantyUntil is { } date ? InventoryItem.DateText(date) : null);
        row["SearchText"] = values.SearchText;
        return row;
    }

    private static InventoryValues Values(TableEntity row)
    {
        var item = InventoryItem.From(row);
        return new InventoryValues
        {
            Serial = item.SerialNumber,
            SerialTyped = item.SerialNumberTyped,
            CustomerId = item.CustomerId,
            CustomerName = item.CustomerName,
            CustomerTradeName = row.GetString("CustomerTradeName") ?? "",
            ContractId = item.ContractId,
            ContractNumber = item.ContractNumber,
            ContractTitle = item.ContractTitle,
            SiteId = item.SiteId,
            SiteName = item.SiteName,
            TypeId = item.TypeId,
            TypeName = item.TypeName,
            Description = item.Description,
            Notes = item.Notes,
            OrderId = item.OrderId,
            OrderNumber = item.OrderNumber,
            OrderItemId = item.OrderItemId,
            ServiceOrderId = item.ServiceOrderId,
            ServiceOrderNumber = item.ServiceOrderNumber,
            WarrantyUntil = item.WarrantyUntil,
        };
    }

    private static void SetOptional(TableEntity row, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            row[key] = value;
        }
    }

    private static void SetOptional(TableEntity row, string key, long? value)
    {
        if (value is { } number)
        {
            row[key] = number;
        }
    }
}
