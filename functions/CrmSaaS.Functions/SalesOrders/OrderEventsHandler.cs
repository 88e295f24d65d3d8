using Azure;
using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Opportunities;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tasks;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.SalesOrders;

/// <summary>
/// The <c>order-events</c> step (Centrium "Integração Pedido de Venda X CRM"): for a confirmed order with "gerar
/// oportunidade", creates the opportunity <c>ord-&lt;orderId&gt;</c> linked to the order and one task per unit of each
/// service item. The rows are built by the CRM features' own <see cref="OpportunityRows"/> and <see cref="TaskRows"/>, so
/// the kanban (card, stage count and total), the Central de Tarefas and task completion treat them like any other.
/// Why it is safe to run twice: every batch carries the order row, ETag-guarded, with each item's count of generated
/// tasks (and the opportunity link), so the order and its tasks change together or not at all; a second run reads the
/// order, finds nothing pending and writes nothing. Task ids are deterministic (<c>&lt;orderId&gt;-&lt;itemId&gt;-&lt;unit:D5&gt;</c>)
/// and written with Add, so even a racing run fails its batch instead of doubling a task.
/// </summary>
public sealed class OrderEventsHandler(
    TenantTable table,
    CrmReferences crm,
    SalesOrderStore orders,
    AuditLog audit,
    QueueRuntime queues,
    TimeProvider clock,
    ILogger<OrderEventsHandler> logger) : IQueueHandler
{
    /// <summary>Batches per invocation; a larger order continues in a new message so one invocation stays short.</summary>
    public const int MaxBatchesPerRun = 20;

    private const int Attempts = 4;

    /// <summary>The order's list rows (<c>order-recent|</c>, <c>order-customer|</c>): the first two of its index actions.</summary>
    private const int ListRows = 2;

    public string FunctionName => "OrderEvents";

    public string QueueName => SalesOrderStore.OrderEventsQueue;

    public async Task HandleAsync(QueueEnvelope message, CancellationToken ct)
    {
        var body = message.Read<OrderEventMessage>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunAsync(body, ct);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < Attempts)
            {
                // Someone changed the order (or a racing delivery won) between our read and our batch: read again.
                logger.LogInformation("Order {OrderId}: batch conflict ({Status}); reading the order again", body.OrderId, ex.Status);
            }
        }
    }

    private async Task RunAsync(OrderEventMessage message, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(message.OrderId))
        {
            logger.LogWarning("order-events message with an invalid order id {OrderId}; ignored", message.OrderId);
            return;
        }

        var row = await table.GetAsync(SalesOrder.RowKey(message.OrderId), ct);
        if (row is null)
        {
            logger.LogWarning("Order {OrderId} not found; nothing to generate", message.OrderId);
            return;
        }

        var order = SalesOrder.FromEntity(row);
        if (OrderCrmRules.GenerationState(order) != "pending")
        {
            logger.LogInformation("Order {OrderId}: nothing to generate ({State})", order.Id, OrderCrmRules.GenerationState(order));
            return;
        }

        var (settings, stages) = await crm.GetCrmSettingsAsync(ct);
        if (!settings.Enabled)
        {
            logger.LogInformation("Order {OrderId}: order → CRM is off in the settings; nothing generated", order.Id);
            return;
        }

        var creating = order.OpportunityId.Length == 0;
        var opportunityId = creating ? "ord-" + order.Id : order.OpportunityId;
        var now = clock.GetUtcNow();
        var firstActions = new List<TableTransactionAction>();
        string opportunityTitle;
        if (creating)
        {
            var stageId = stages.Any(s => s.Id == settings.StageId) ? settings.StageId! : stages[0].Id;
            var opportunity = OpportunityRows.Generated(NewOpportunity(order, opportunityId, stageId, settings), table.Context, now);
            var stats = await StageStatsRows.ReadAllAsync(table, ct);
            firstActions.AddRange(OpportunityRows.WriteActions(table, null, opportunity, stats));
            firstActions.Add(orders.DocumentLinkAction(order with { OpportunityId = opportunityId }));
            firstActions.Add(audit.Entry("opportunity", opportunityId, "created", $"Oportunidade gerada pelo pedido {order.Number}"));
            opportunityTitle = opportunity.Title;
        }
        else
        {
            opportunityTitle = (await crm.GetOpportunityAsync(opportunityId, ct))?.Title ?? "";
        }

        var today = BrazilFormat.TodayInSaoPaulo(now);
        var pending = new Queue<NewGeneratedTask>(OrderCrmRules.PendingUnits(order.Items).Select(p => new NewGeneratedTask(
            order.Id,
            order.Number,
            p.Item.Id,
            p.UnitIndex,
            p.Item.Description,
            opportunityId,
            opportunityTitle,
            settings.TaskAssigneeId,
            settings.TaskAssigneeName,
            today.AddDays(settings.TaskDueDays))));

        if (pending.Count > 0)
        {
            // The opportunity's task list reaches the order's task rows through this row (an upsert: a redelivery rewrites it).
            firstActions.Add(TaskRows.OpportunityLinkAction(table, opportunityId, order.Id));
        }

        var etag = order.ETag;
        var items = order.Items;
        var batches = 0;
        var listRowsPending = creating;
        while (firstActions.Count > 0 || pending.Count > 0)
        {
            if (batches == MaxBatchesPerRun)
            {
                await queues.SendAsync(table.TenantId, QueueName, new OrderEventMessage(order.Id, "continue"), ct: ct);
                logger.LogInformation("Order {OrderId}: {Pending} tasks left for a follow-up message", order.Id, pending.Count);
                return;
            }

            // The order row leads every batch, so its ETag (etags[0]) guards the next one.
            var actions = new List<TableTransactionAction>(firstActions);
            firstActions.Clear();
            var upTo = new Dictionary<string, int>(StringComparer.Ordinal);
            while (pending.Count > 0 && 1 + actions.Count + TaskRows.PerGeneratedTask <= TableLimits.MaxBatchOperations)
            {
                var task = pending.Dequeue();
                actions.AddRange(TaskRows.WriteActions(table, null, TaskRows.Generated(task, table.Context, now)));
                upTo[task.OrderItemId] = task.UnitIndex;
            }

            items = OrderCrmRules.MarkGenerated(items, upTo);
            var linked = order with { OpportunityId = opportunityId, Items = items };
            if (listRowsPending && pending.Count == 0 && 1 + actions.Count + ListRows <= TableLimits.MaxBatchOperations)
            {
                // The order's list rows show its opportunity; a batch full of tasks leaves them for the order's next change.
                actions.AddRange(orders.IndexActions(linked, order).Take(ListRows));
                listRowsPending = false;
            }

            var orderUpdate = table.NewEntity(SalesOrder.RowKey(order.Id));
            orderUpdate["ItemsJson"] = DocumentItemRules.Serialize(items);
            orderUpdate["OpportunityId"] = opportunityId;
            actions.Insert(0, new TableTransactionAction(TableTransactionActionType.UpdateMerge, orderUpdate, etag));
            var etags = await table.SubmitAsync(actions, ct);
            etag = etags[0];
            batches++;
        }

        logger.LogInformation("Order {OrderId}: opportunity {OpportunityId} and tasks generated in {Batches} batch(es)", order.Id, opportunityId, batches);
    }

    /// <summary>The opportunity of an order: its customer, its salesperson (or the settings' owner) and its items as the ticket.</summary>
    public static GeneratedOpportunity NewOpportunity(SalesOrder order, string opportunityId, string stageId, OrderCrmSettings settings)
    {
        var lines = order.Items.Select(i => new Opportunities.TicketLine(
            i.Id,
            i.Kind == ItemKind.Service ? TicketLineKind.Service : TicketLineKind.Product,
            i.ServiceId,
            i.ProductId,
            i.Description,
            null,
            null,
            i.Quantity,
            i.UnitPrice,
            i.DiscountKind,
            i.Discount,
            i.Gross,
            i.DiscountAmount,
            i.Total)).ToList();
        return new GeneratedOpportunity(
            opportunityId,
            OrderCrmRules.OpportunityTitle(settings.TitlePattern, order.Number, order.CustomerName, order.Project),
            null,
            order.CustomerName,
            order.CustomerId,
            settings.OwnerId ?? order.SalespersonId,
            settings.OwnerId is null ? order.SalespersonName : settings.OwnerName ?? "",
            stageId,
            order.Id,
            order.Number,
            order.Project,
            lines);
    }
}
