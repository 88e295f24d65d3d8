using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.SalesOrders;

/// <summary>
/// <c>doc-opp|&lt;oppId&gt;|&lt;kind&gt;|&lt;id&gt;</c>: the documents an opportunity generated (Omie: the opportunity lists
/// what it generated), one range scan per opportunity. Each document rewrites its row in the batch that changes it.
/// </summary>
public static class DocumentLinks
{
    public const string SalesOrder = "sales-order";
    public const string ServiceOrder = "service-order";
    public const string Contract = "contract";

    public static readonly IReadOnlyList<string> Kinds = [ServiceOrder, SalesOrder, Contract];

    public static string Prefix(string opportunityId) => KeyRange.Key("doc-opp", opportunityId) + "|";

    public static string KindLabel(string kind) => kind switch
    {
        SalesOrder => "Pedido de venda",
        ServiceOrder => "Ordem de serviço",
        Contract => "Contrato de serviço",
        _ => kind,
    };

    public static TableTransactionAction Upsert(
        TenantTable table,
        string opportunityId,
        string kind,
        string documentId,
        long number,
        string status,
        string statusLabel,
        decimal total,
        string customerName,
        DateTimeOffset createdAt)
    {
        var link = table.NewEntity(KeyRange.Key("doc-opp", opportunityId, kind, documentId));
        link["Kind"] = kind;
        link["DocumentId"] = documentId;
        link["Number"] = number;
        link["Status"] = status;
        link["StatusLabel"] = statusLabel;
        link["Total"] = total;
        link["CustomerName"] = customerName;
        link["CreatedAt"] = createdAt;
        return new TableTransactionAction(TableTransactionActionType.UpsertReplace, link);
    }
}
