using Azure.Core;

namespace CrmSaaS.Storage;

/// <summary>Pipeline settings (retry, diagnostics, transport) shared by the table, blob and queue clients.</summary>
public sealed class StorageClientOptions : ClientOptions
{
    public StorageClientOptions()
    {
        // Azure.Core's RetryPolicy already retries 408/429/500/502/503/504 and transport failures;
        // the storage SDKs use exponential backoff, so do we.
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 4;
        Retry.Delay = TimeSpan.FromMilliseconds(800);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);

        // Headers the storage services use to diagnose a call; Azure.Core redacts the rest in its event-source logs.
        foreach (var header in new[]
                 {
                     "x-ms-request-id", "x-ms-version", "x-ms-error-code", "x-ms-date", "ETag", "If-Match",
                     "If-None-Match", "x-ms-blob-type", "x-ms-continuation-NextPartitionKey",
                     "x-ms-continuation-NextRowKey", "x-ms-approximate-messages-count", "DataServiceVersion",
                     "Prefer", "Preference-Applied",
                 })
        {
            Diagnostics.LoggedHeaderNames.Add(header);
        }

        Diagnostics.LoggedQueryParameters.Add("comp");
        Diagnostics.LoggedQueryParameters.Add("restype");
        Diagnostics.LoggedQueryParameters.Add("$top");
        Diagnostics.LoggedQueryParameters.Add("numofmessages");
    }
}
