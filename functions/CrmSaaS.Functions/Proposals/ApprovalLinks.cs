using System.Globalization;
using CrmSaaS.Functions.Identity;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Storage;
using Microsoft.Extensions.Options;

namespace CrmSaaS.Functions.Proposals;

/// <summary>Configuration section <c>ProposalLinks</c>.</summary>
public sealed class ProposalLinkOptions
{
    public double LifetimeDays { get; set; } = 15;

    /// <summary>How long before the expiry the contact is reminded (once).</summary>
    public double ReminderDaysBeforeExpiry { get; set; } = 3;
}

public sealed record SendProposalRequest(string? ContactId, string? Email, string? Name);

public sealed record ApprovalLinkResponse(
    string Id,
    string ContactId,
    string ContactName,
    string Email,
    DateTimeOffset SentAt,
    string SentBy,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? LastOpenedAt,
    int OpenCount,
    DateTimeOffset? ReminderSentAt,
    DateTimeOffset? ApprovedAt,
    string Status)
{
    public static ApprovalLinkResponse From(TableEntity row, DateTimeOffset now)
    {
        var expires = row.GetDateTimeOffset("ExpiresAt") ?? default;
        var approved = row.GetDateTimeOffset("ApprovedAt");
        var opened = row.GetDateTimeOffset("OpenedAt");
        var status = approved is not null ? "approved" : expires <= now ? "expired" : opened is not null ? "opened" : "sent";
        return new ApprovalLinkResponse(
            row.GetString("Id") ?? "",
            row.GetString("ContactId") ?? "",
            row.GetString("ContactName") ?? "",
            row.GetString("Email") ?? "",
            row.GetDateTimeOffset("SentAt") ?? default,
            row.GetString("SentBy") ?? "",
            expires,
            opened,
            row.GetDateTimeOffset("LastOpenedAt"),
            row.GetInt32("OpenCount") ?? 0,
            row.GetDateTimeOffset("ReminderSentAt"),
            approved,
            status);
    }
}

/// <summary>The message of the <c>approval-reminders</c> queue.</summary>
public sealed record ApprovalReminderMessage(string OrderId, string LinkId);

/// <summary>A link resolved from its token: the tenant is bound to the context, the link row and its order loaded.</summary>
public sealed record ResolvedLink(TableEntity Link, SalesOrder Order, TableEntity OrderRow)
{
    public bool Approved => Link.GetDateTimeOffset("ApprovedAt") is not null;
}

/// <summary>
/// E-mailed approval links (DESIGN.md §4): a random token (32 bytes) whose SHA-256 is stored in the directory with
/// the tenant, order and link; the link row <c>approval-link|&lt;orderId&gt;|&lt;linkId&gt;</c> in the tenant keeps the trail
/// staff see (sent, opened, reminded, approved). The token opens one order for one contact, without a password.
/// </summary>
public sealed class ApprovalLinks(
    IdentityDirectory directory,
    TenantTable table,
    SalesOrderStore orders,
    AuditLog audit,
    EmailOutbox outbox,
    QueueRuntime queues,
    IOptions<PortalOptions> portal,
    IOptions<ProposalLinkOptions> options,
    TimeProvider clock)
{
    public const string Purpose = "proposal-approval";
    public const string RemindersQueue = "approval-reminders";
    public const string InvalidLinkDetail =
        "Link de aprovação inválido. Confira se o endereço foi copiado por inteiro ou peça um novo link à empresa.";

    /// <summary>Storage Queues refuse a visibility delay above 7 days; longer waits re-queue themselves.</summary>
    public static readonly TimeSpan MaxQueueDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    public static string LinkKey(string orderId, string linkId) => KeyRange.Key("approval-link", orderId, linkId);

    public static string PortalRoute(string slug, string token) => $"#/cliente/{slug}/proposta?token={token}";

    public async Task<ApprovalLinkResponse> SendAsync(string orderId, SendProposalRequest request, CancellationToken ct)
    {
        var (order, _) = await orders.LoadAsync(orderId, ct);
        if (order.Status != SalesOrderStatus.Proposta)
        {
            throw AppException.InvalidState("Só é possível enviar a proposta enquanto o pedido é uma proposta.");
        }

        var (contactId, name, email) = await RecipientAsync(order, request, ct);
        var now = clock.GetUtcNow();
        var lifetime = TimeSpan.FromDays(options.Value.LifetimeDays);
        var linkId = Ids.New(now);
        var token = await directory.IssueTokenAsync(Purpose, table.TenantId, orderId, lifetime, ct, new Dictionary<string, string>
        {
            ["OrderId"] = orderId,
            ["LinkId"] = linkId,
            ["ContactName"] = name,
        });

        var link = table.NewEntity(LinkKey(orderId, linkId));
        link["Id"] = linkId;
        link["OrderId"] = orderId;
        link["CustomerId"] = order.CustomerId;
        link["ContactId"] = contactId;
        link["ContactName"] = name;
        link["Email"] = email;
        link["SentAt"] = now;
        link["SentBy"] = table.Context.Actor;
        link["ExpiresAt"] = now + lifetime;
        link["OpenCount"] = 0;
        await table.SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, link),
            audit.Entry("order", orderId, "proposal-sent", $"Link de aprovação enviado para {name} <{email}>, válido até {Display(now + lifetime)}"),
        ], ct);

        var tenant = await table.GetAsync("tenant", ct);
        await outbox.SendAsync(ProposalEmails.Proposal(email, name, StaffAuthService.CompanyName(tenant), order.Number,
            portal.Value.Link(PortalRoute(tenant?.GetString("Slug") ?? "", token)), Display(now + lifetime)), ct);
        await ScheduleReminderAsync(orderId, linkId, now + lifetime, ct);
        return ApprovalLinkResponse.From(link, now);
    }

    public async Task<IReadOnlyList<ApprovalLinkResponse>> ListAsync(string orderId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var links = new List<ApprovalLinkResponse>();
        await foreach (var row in table.QueryPrefixAsync(KeyRange.Key("approval-link", orderId) + "|", ct: ct))
        {
            links.Add(ApprovalLinkResponse.From(row, now));
        }

        return links;
    }

    /// <summary>
    /// The order behind a token, with the token's tenant bound to this request. Unknown, tampered or foreign tokens
    /// are a 404 and an expired one a 410: no answer ever reveals or opens another order.
    /// </summary>
    public async Task<ResolvedLink> ResolveAsync(string? token, CancellationToken ct)
    {
        var row = await directory.GetTokenRowAsync(token, ct);
        if (row is null || row.GetString("Purpose") != Purpose
            || row.GetString("TenantId") is not { Length: > 0 } tenantId
            || row.GetString("OrderId") is not { } orderId || !Ids.IsWellFormed(orderId)
            || row.GetString("LinkId") is not { } linkId || !Ids.IsWellFormed(linkId))
        {
            throw AppException.NotFound(InvalidLinkDetail);
        }

        var expires = row.GetDateTimeOffset("ExpiresAt") ?? default;
        if (expires <= clock.GetUtcNow())
        {
            throw new AppException(410, "link_expired",
                $"Este link de aprovação expirou em {Display(expires)}. Peça um novo link à empresa.");
        }

        table.Context.SetSystem(tenantId, (row.GetString("ContactName") ?? "cliente") + " (link de aprovação)");
        var link = await table.GetAsync(LinkKey(orderId, linkId), ct);
        var orderRow = await table.GetAsync(SalesOrder.RowKey(orderId), ct);
        if (link is null || orderRow is null)
        {
            throw AppException.NotFound(InvalidLinkDetail);
        }

        var order = SalesOrder.FromEntity(orderRow);
        if (order.CustomerId != link.GetString("CustomerId"))
        {
            // The order changed customer after the link was sent: the link must not show it to the new customer's people.
            throw AppException.NotFound(InvalidLinkDetail);
        }

        return new ResolvedLink(link, order, orderRow);
    }

    /// <summary>Records an opening (first and last time, count) for the staff trail; a lost race only loses a count.</summary>
    public async Task MarkOpenedAsync(ResolvedLink resolved, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var update = table.NewEntity(resolved.Link.RowKey);
        if (resolved.Link.GetDateTimeOffset("OpenedAt") is null)
        {
            update["OpenedAt"] = now;
        }

        update["LastOpenedAt"] = now;
        update["OpenCount"] = (resolved.Link.GetInt32("OpenCount") ?? 0) + 1;
        try
        {
            await table.UpdateAsync(update, resolved.Link.ETag, TableUpdateMode.Merge, ct);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 412)
        {
            // Opened twice at the same moment: the other request recorded it.
        }
    }

    public Approver ApproverOf(ResolvedLink resolved) => new(
        resolved.Link.GetString("ContactId") ?? "",
        resolved.Link.GetString("ContactName") ?? "",
        resolved.Link.GetString("Email") ?? "",
        ApprovalVia.Link,
        resolved.Link.GetString("Id") ?? "");

    /// <summary>The link's row marked approved, committed with the approval itself.</summary>
    public TableTransactionAction ApprovedAction(ResolvedLink resolved)
    {
        var update = table.NewEntity(resolved.Link.RowKey);
        update["ApprovedAt"] = clock.GetUtcNow();
        return new TableTransactionAction(TableTransactionActionType.UpdateMerge, update, resolved.Link.ETag);
    }

    public Task ScheduleReminderAsync(string orderId, string linkId, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var wait = RemindAt(expiresAt) - clock.GetUtcNow();
        var delay = wait <= TimeSpan.Zero ? (TimeSpan?)null : wait > MaxQueueDelay ? MaxQueueDelay : wait;
        return queues.SendAsync(table.TenantId, RemindersQueue, new ApprovalReminderMessage(orderId, linkId), delay, ct);
    }

    public DateTimeOffset RemindAt(DateTimeOffset expiresAt) => expiresAt - TimeSpan.FromDays(options.Value.ReminderDaysBeforeExpiry);

    /// <summary>
    /// The reminder step: once per link, unless it was approved, expired, or the order left Proposta. The reminder
    /// carries a new token for the same link (the first token is never stored, only its hash), expiring with it.
    /// </summary>
    public async Task RemindAsync(ApprovalReminderMessage message, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(message.OrderId) || !Ids.IsWellFormed(message.LinkId)
            || await table.GetAsync(LinkKey(message.OrderId, message.LinkId), ct) is not { } link)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var expires = link.GetDateTimeOffset("ExpiresAt") ?? default;
        if (link.GetDateTimeOffset("ApprovedAt") is not null || link.GetDateTimeOffset("ReminderSentAt") is not null || expires <= now)
        {
            return;
        }

        if (now < RemindAt(expires))
        {
            await ScheduleReminderAsync(message.OrderId, message.LinkId, expires, ct);
            return;
        }

        var orderRow = await table.GetAsync(SalesOrder.RowKey(message.OrderId), ct);
        if (orderRow is null || SalesOrder.FromEntity(orderRow).Status != SalesOrderStatus.Proposta)
        {
            return;
        }

        var order = SalesOrder.FromEntity(orderRow);
        var name = link.GetString("ContactName") ?? "";
        var email = link.GetString("Email") ?? "";

        // Marked first, under the row's ETag: a redelivered message finds the mark and sends nothing.
        var mark = table.NewEntity(link.RowKey);
        mark["ReminderSentAt"] = now;
        try
        {
            await table.UpdateAsync(mark, link.ETag, TableUpdateMode.Merge, ct);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 412)
        {
            return;
        }

        var token = await directory.IssueTokenAsync(Purpose, table.TenantId, message.OrderId, expires - now, ct, new Dictionary<string, string>
        {
            ["OrderId"] = message.OrderId,
            ["LinkId"] = message.LinkId,
            ["ContactName"] = name,
        });
        var tenant = await table.GetAsync("tenant", ct);
        await outbox.SendAsync(ProposalEmails.Reminder(email, name, StaffAuthService.CompanyName(tenant), order.Number,
            portal.Value.Link(PortalRoute(tenant?.GetString("Slug") ?? "", token)), Display(expires)), ct);
    }

    private async Task<(string ContactId, string Name, string Email)> RecipientAsync(SalesOrder order, SendProposalRequest request, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(request.ContactId))
        {
            var contactId = request.ContactId.Trim();
            var contact = (Ids.IsWellFormed(contactId) ? await table.GetAsync(KeyRange.Key("customer-contact", order.CustomerId, contactId), ct) : null)
                ?? throw AppException.NotFound("Contato não encontrado neste cliente.");
            var contactEmail = EmailAddresses.Normalize(string.IsNullOrWhiteSpace(request.Email) ? contact.GetString("Email") : request.Email)
                ?? throw AppException.Validation("email", "O contato não tem um e-mail válido: informe o e-mail para envio.");
            return (contactId, contact.GetString("Name") ?? contactEmail, contactEmail);
        }

        var email = EmailAddresses.Normalize(request.Email) ?? throw AppException.Validation("email", "Informe o contato ou o e-mail para enviar a proposta.");
        var name = string.IsNullOrWhiteSpace(request.Name) ? email : request.Name.Trim();
        new Validation().MaxLength(name, 120, "name", "O nome").ThrowIfInvalid();
        return ("", name, email);
    }

    private static string Display(DateTimeOffset when) => Common.BrazilFormat.Date(Common.BrazilFormat.TodayInSaoPaulo(when));
}

/// <summary>The queue step that sends the reminders; see <see cref="ApprovalLinks.RemindAsync"/>.</summary>
public sealed class ApprovalRemindersHandler(ApprovalLinks links) : IQueueHandler
{
    public string FunctionName => "ApprovalReminders";

    public string QueueName => ApprovalLinks.RemindersQueue;

    public Task HandleAsync(QueueEnvelope message, CancellationToken ct) => links.RemindAsync(message.Read<ApprovalReminderMessage>(), ct);
}

/// <summary>The e-mails of the approval links (pt-BR, plain text).</summary>
public static class ProposalEmails
{
    public static EmailMessage Proposal(string to, string name, string company, long number, string link, string expires) => new(
        to,
        $"Proposta nº {number.ToString(CultureInfo.InvariantCulture)} de {company} para sua aprovação",
        $"""
        Olá, {name}!

        {company} enviou a proposta nº {number.ToString(CultureInfo.InvariantCulture)} para a sua aprovação.
        Para ver a proposta, baixar os documentos, enviar o contrato assinado (quando houver) e aprovar, abra o link
        abaixo (válido até {expires}):

        {link}

        Este link é pessoal: não o encaminhe.
        """,
        ToName: name);

    public static EmailMessage Reminder(string to, string name, string company, long number, string link, string expires) => new(
        to,
        $"Lembrete: a proposta nº {number.ToString(CultureInfo.InvariantCulture)} de {company} aguarda sua aprovação",
        $"""
        Olá, {name}!

        A proposta nº {number.ToString(CultureInfo.InvariantCulture)} de {company} ainda aguarda a sua aprovação.
        O link para ver e aprovar a proposta vale até {expires}:

        {link}

        Se você já tratou do assunto com a empresa, ignore esta mensagem.
        """,
        ToName: name);
}
