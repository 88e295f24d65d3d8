namespace CrmSaaS.Storage;

/// <summary>A received message: invisible to others until <see cref="NextVisibleOn"/>; delete it with its pop receipt.</summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string MessageText,
    long DequeueCount,
    DateTimeOffset? InsertedOn,
    DateTimeOffset? NextVisibleOn);

public sealed record PeekedMessage(string MessageId, string MessageText, long DequeueCount);
