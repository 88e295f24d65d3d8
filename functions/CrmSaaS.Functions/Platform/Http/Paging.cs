namespace CrmSaaS.Functions.Platform;

/// <summary>A page of a list: the items and the opaque token that continues it (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Continuation);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static int Size(int? requested) =>
        requested is null or <= 0 ? DefaultPageSize : Math.Min(requested.Value, MaxPageSize);
}
