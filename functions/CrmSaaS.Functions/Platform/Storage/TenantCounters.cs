using Azure;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Platform;

/// <summary>
/// People-facing sequential numbers (pedido nº 1024, NFS-e nº 17) per tenant: read, increment, write back under
/// the ETag; a concurrent writer makes the update fail with 412 and we read again.
/// </summary>
public sealed class TenantCounters(TenantTable table)
{
    public async Task<long> NextAsync(string name, CancellationToken ct = default)
    {
        var rowKey = "counter|" + name;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var row = await table.GetAsync(rowKey, ct);
            try
            {
                if (row is null)
                {
                    var first = table.NewEntity(rowKey);
                    first["Value"] = 1L;
                    await table.InsertAsync(first, ct);
                    return 1;
                }

                var next = (row.GetInt64("Value") ?? 0) + 1;
                row["Value"] = next;
                await table.UpdateAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                return next;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                await Task.Delay(Random.Shared.Next(5, 25) * (attempt + 1), ct);
            }
        }

        throw AppException.Conflict("Não foi possível gerar o número do documento agora. Tente novamente.");
    }
}
