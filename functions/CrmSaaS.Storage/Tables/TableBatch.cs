using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure;

namespace CrmSaaS.Storage;

/// <summary>
/// Entity-group transactions: one multipart/mixed batch holding one changeset, CRLF line endings, absolute URLs.
/// The service answers 202 even when the changeset failed, so the changeset response decides the outcome.
/// </summary>
internal static partial class TableBatch
{
    private const string Crlf = "\r\n";

    public static (byte[] Body, string ContentType) Build(string tableUrl, IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        }

        if (actions.Count > TableLimits.MaxBatchOperations)
        {
            throw new StorageLimitException(
                $"A transaction holds {actions.Count} actions; Azure allows at most {TableLimits.MaxBatchOperations}.",
                nameof(actions));
        }

        var partitionKey = actions[0].Entity?.PartitionKey;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i] ?? throw new ArgumentException($"Action {i} is null.", nameof(actions));
            var entity = action.Entity ?? throw new ArgumentException($"Action {i} has no entity.", nameof(actions));
            if (action.ActionType == TableTransactionActionType.Delete)
            {
                TableLimits.CheckKey(entity.PartitionKey, TableEntity.PartitionKeyName);
                TableLimits.CheckKey(entity.RowKey, TableEntity.RowKeyName);
            }
            else
            {
                TableLimits.CheckEntity(entity);
            }

            if (entity.PartitionKey != partitionKey)
            {
                throw new StorageLimitException(
                    $"Action {i} is in partition '{entity.PartitionKey}' but action 0 is in '{partitionKey}'; a transaction must stay in one partition.",
                    nameof(actions));
            }

            if (!seen.Add(entity.RowKey))
            {
                throw new StorageLimitException(
                    $"Action {i} touches RowKey '{entity.RowKey}' again; a transaction may touch each entity only once.",
                    nameof(actions));
            }
        }

        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");
        var body = new StringBuilder();
        body.Append("--").Append(batchBoundary).Append(Crlf)
            .Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append(Crlf)
            .Append(Crlf);

        foreach (var action in actions)
        {
            var entity = action.Entity;
            var entityUrl = tableUrl + TableClient.EntityPath(entity.PartitionKey, entity.RowKey);
            var (method, url, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", tableUrl, (ETag?)null, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", entityUrl, OrAll(action.ETag), true),
                TableTransactionActionType.UpdateReplace => ("PUT", entityUrl, OrAll(action.ETag), true),
                TableTransactionActionType.UpsertMerge => ("MERGE", entityUrl, null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", entityUrl, null, true),
                TableTransactionActionType.Delete => ("DELETE", entityUrl, OrAll(action.ETag), false),
                _ => throw new ArgumentException($"Unknown action type {action.ActionType}.", nameof(actions)),
            };

            body.Append("--").Append(changesetBoundary).Append(Crlf)
                .Append("Content-Type: application/http").Append(Crlf)
                .Append("Content-Transfer-Encoding: binary").Append(Crlf)
                .Append(Crlf)
                .Append(method).Append(' ').Append(url).Append(" HTTP/1.1").Append(Crlf)
                .Append("Accept: application/json;odata=minimalmetadata").Append(Crlf)
                .Append("Prefer: return-no-content").Append(Crlf)
                .Append("DataServiceVersion: 3.0").Append(Crlf);
            if (ifMatch is { } etag)
            {
                body.Append("If-Match: ").Append(etag.ToString()).Append(Crlf);
            }

            if (hasBody)
            {
                body.Append("Content-Type: application/json").Append(Crlf)
                    .Append(Crlf)
                    .Append(Encoding.UTF8.GetString(TableJson.Serialize(entity))).Append(Crlf);
            }
            else
            {
                body.Append(Crlf);
            }
        }

        body.Append("--").Append(changesetBoundary).Append("--").Append(Crlf)
            .Append(Crlf)
            .Append("--").Append(batchBoundary).Append("--").Append(Crlf);

        var bytes = Encoding.UTF8.GetBytes(body.ToString());
        if (bytes.Length > TableLimits.MaxBatchBytes)
        {
            throw new StorageLimitException(
                $"The transaction payload is {bytes.Length} bytes; Azure allows at most 4 MiB ({TableLimits.MaxBatchBytes} bytes).",
                nameof(actions));
        }

        return (bytes, "multipart/mixed; boundary=" + batchBoundary);
    }

    public static IReadOnlyList<ETag> ParseResponse(Response response, int actionCount)
    {
        var text = response.Content.ToString();
        var boundaryMatch = ChangesetBoundary().Match(text);
        var parts = boundaryMatch.Success
            ? SplitParts(text, boundaryMatch.Groups[1].Value)
            : SplitParts(text, OuterBoundary(response) ?? throw Unreadable(response.Status, "no multipart boundary"));

        var results = parts.Select(ParsePart).Where(p => p is not null).Select(p => p!).ToList();
        var failure = results.FirstOrDefault(r => r.Status >= 400);
        if (failure is not null)
        {
            var (code, errorMessage) = StorageErrorParser.ParseBody(failure.Body);
            errorMessage ??= failure.Body;
            int? index = null;
            var indexMatch = FailedIndex().Match(errorMessage ?? string.Empty);
            if (indexMatch.Success)
            {
                index = int.Parse(indexMatch.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            code ??= failure.Headers.GetValueOrDefault("x-ms-error-code");
            throw new TableTransactionFailedException(
                failure.Status,
                $"Table transaction failed with {failure.Status} {code}{(index is null ? string.Empty : $" at action {index}")}: {errorMessage}",
                code,
                index);
        }

        if (results.Count != actionCount)
        {
            throw Unreadable(response.Status, $"{results.Count} sub-responses for {actionCount} actions");
        }

        return results
            .Select(r => r.Headers.TryGetValue("ETag", out var etag) ? new ETag(etag) : default)
            .ToList();
    }

    private static ETag OrAll(ETag etag) => etag == default ? ETag.All : etag;

    private static string? OuterBoundary(Response response)
    {
        var contentType = response.Headers.ContentType;
        var at = contentType?.IndexOf("boundary=", StringComparison.OrdinalIgnoreCase) ?? -1;
        return at < 0 ? null : contentType![(at + 9)..].Trim('"', ' ');
    }

    private static List<string> SplitParts(string text, string boundary)
    {
        var delimiter = "--" + boundary;
        var pieces = text.Split(delimiter);
        // pieces[0] is the preamble; a piece starting with "--" follows the closing delimiter.
        return pieces.Skip(1).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).ToList();
    }

    private static SubResponse? ParsePart(string part)
    {
        var lines = part.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var statusLine = Array.FindIndex(lines, l => l.StartsWith("HTTP/", StringComparison.Ordinal));
        if (statusLine < 0)
        {
            return null;
        }

        var status = int.Parse(lines[statusLine].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = statusLine + 1;
        for (; i < lines.Length && lines[i].Length > 0; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
        }

        var body = string.Join('\n', lines.Skip(i + 1)).Trim();
        return new SubResponse(status, headers, body);
    }

    private static RequestFailedException Unreadable(int status, string why) =>
        new(status, $"The table transaction response could not be read ({why}).");

    [GeneratedRegex(@"boundary=(changesetresponse_[^\s;""]+)")]
    private static partial Regex ChangesetBoundary();

    [GeneratedRegex(@"^\s*(\d+):")]
    private static partial Regex FailedIndex();

    private sealed record SubResponse(int Status, Dictionary<string, string> Headers, string Body);
}
