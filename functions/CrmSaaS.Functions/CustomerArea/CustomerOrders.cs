using System.Globalization;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Proposals;
using CrmSaaS.Functions.SalesOrders;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.CustomerArea;

public sealed record CustomerDashboard(string CustomerName, IReadOnlyList<CustomerOrderSummary> LatestOrders, int OpenProposals);

/// <summary>
/// The orders of the calling customer (customer token). Every read goes through <see cref="LoadOwnAsync"/>: an order
/// of another customer answers exactly like a missing one (404), so ids cannot be probed.
/// </summary>
public sealed class CustomerOrders(SalesOrderStore orders, OrderFiles files, ProposalApproval approval, TenantTable table)
{
    public const int DashboardOrders = 5;

    private string CustomerId => table.Context.RequireCustomerId();

    public async Task<CustomerDashboard> DashboardAsync(CancellationToken ct)
    {
        var prefix = KeyRange.Key("order-customer-recent", CustomerId) + "|";
        var customer = table.GetAsync(KeyRange.Key("customer", CustomerId), ct);
        var latest = table.ScanPageAsync(prefix, DashboardOrders, null, ct: ct);
        var open = 0;
        await foreach (var _ in table.QueryPrefixAsync(prefix, TableClient.CreateQueryFilter($"Status eq {nameof(SalesOrderStatus.Proposta)}"), ["OrderId"], ct))
        {
            open++;
        }

        var row = await customer;
        var name = row?.GetString("TradeName") is { Length: > 0 } trade ? trade : row?.GetString("LegalName") ?? "";
        return new CustomerDashboard(name, (await latest).Items.Select(CustomerOrderView.Summary).ToList(), open);
    }

    public async Task<Page<CustomerOrderSummary>> ListAsync(
        string? status, string? from, string? to, string? number, int? pageSize, string? continuation, CancellationToken ct)
    {
        var validation = new Validation();
        var filters = new List<string>();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<SalesOrderStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _))
            {
                filters.Add(TableClient.CreateQueryFilter($"Status eq {parsed.ToString()}"));
            }
            else
            {
                validation.Add("status", "Status inválido. Use Proposta, Aprovado, Pedido, FaturadoParcial, Faturado ou Cancelado.");
            }
        }

        var fromDate = ParseDate(from, "from", validation);
        var toDate = ParseDate(to, "to", validation);
        if (fromDate is { } f && toDate is { } t && t < f)
        {
            validation.Add("to", "A data final do período não pode ser anterior à inicial.");
        }

        if (fromDate is { } start)
        {
            filters.Add(TableClient.CreateQueryFilter($"Date ge {SalesOrder.FormatDate(start)}"));
        }

        if (toDate is { } end)
        {
            filters.Add(TableClient.CreateQueryFilter($"Date le {SalesOrder.FormatDate(end)}"));
        }

        if (!string.IsNullOrWhiteSpace(number))
        {
            if (long.TryParse(number.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                filters.Add(TableClient.CreateQueryFilter($"Number eq {n}"));
            }
            else
            {
                validation.Add("number", "Informe o número do pedido só com algarismos.");
            }
        }

        validation.ThrowIfInvalid();
        var page = await table.ScanPageAsync(
            KeyRange.Key("order-customer-recent", CustomerId) + "|",
            Paging.Size(pageSize),
            continuation,
            andFilter: filters.Count == 0 ? null : string.Join(" and ", filters),
            ct: ct);
        return new Page<CustomerOrderSummary>(page.Items.Select(CustomerOrderView.Summary).ToList(), page.Continuation);
    }

    public async Task<(SalesOrder Order, TableEntity Row)> LoadOwnAsync(string id, CancellationToken ct)
    {
        var customerId = CustomerId;
        var (order, row) = await orders.LoadAsync(id, ct);
        return order.CustomerId == customerId ? (order, row) : throw AppException.NotFound(SalesOrderStore.NotFoundDetail);
    }

    public async Task<CustomerOrder> DetailAsync(string id, CancellationToken ct)
    {
        var (order, _) = await LoadOwnAsync(id, ct);
        return await ViewAsync(order, ct);
    }

    public async Task<CustomerOrder> ViewAsync(SalesOrder order, CancellationToken ct)
    {
        var attachments = files.ListAsync(order.Id, ct);
        var approvals = approval.ListAsync(order.Id, ct);
        await Task.WhenAll(attachments, approvals);
        return CustomerOrderView.Detail(order, await attachments, await approvals);
    }

    public async Task<(OrderAttachment File, long Number)> AttachmentAsync(string id, string kind, CancellationToken ct)
    {
        var checkedKind = AttachmentKinds.Require(kind);
        var (order, _) = await LoadOwnAsync(id, ct);
        var file = await files.GetAsync(order.Id, checkedKind, ct);
        return file is { Version: > 0 } ? (file, order.Number) : throw AppException.NotFound("Este anexo ainda não está disponível neste pedido.");
    }

    public async Task<AttachmentResponse> UploadSignedContractAsync(string id, HttpRequest request, CancellationToken ct)
    {
        // Ownership first: another customer's order is a 404 before a byte of the upload is read.
        var (order, _) = await LoadOwnAsync(id, ct);
        var pdf = await PdfUpload.ReadAsync(request, ct);
        var saved = await approval.UploadSignedContractAsync(order, pdf, ct);
        return AttachmentResponse.From(saved, order.Number);
    }

    public async Task<CustomerOrder> ApproveAsync(string id, CancellationToken ct)
    {
        var (order, row) = await LoadOwnAsync(id, ct);
        var context = table.Context;
        var contact = context.ContactId is { } contactId ? await table.GetAsync(KeyRange.Key("customer-contact", order.CustomerId, contactId), ct) : null;
        var approver = new Approver(context.ContactId ?? "", context.UserName ?? "", contact?.GetString("Email") ?? "", ApprovalVia.CustomerArea);
        var approved = await approval.ApproveAsync(order, row, approver, null, ct);
        return await ViewAsync(approved, ct);
    }

    private static DateOnly? ParseDate(string? value, string field, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        validation.Add(field, "Data inválida: use o formato aaaa-mm-dd.");
        return null;
    }
}
