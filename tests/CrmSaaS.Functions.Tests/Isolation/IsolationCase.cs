using CrmSaaS.Functions.Tests.Infrastructure;

namespace CrmSaaS.Functions.Tests.Isolation;

/// <summary>
/// One endpoint that takes a record id. <see cref="ArrangeAsync"/> creates the record(s) as tenant A (or as
/// customer A of tenant A) and returns the concrete request; the suite then proves that tenant B (or customer B)
/// gets 404 on it. Every feature adds a class implementing <see cref="IIsolationCases"/>; the coverage test fails
/// when an endpoint with a route parameter has no case, so new endpoints join the suite by construction.
/// </summary>
public sealed record IsolationCase(
    string Method,
    string RoutePattern,
    Func<IsolationArrange, Task<IsolationRequest>> ArrangeAsync,
    IsolationCaller Caller = IsolationCaller.Staff)
{
    public override string ToString() => $"{Method} {RoutePattern}";
}

public enum IsolationCaller
{
    /// <summary>Tenant B's admin calls tenant A's record.</summary>
    Staff,

    /// <summary>Another customer of the same tenant calls customer A's record through the customer area.</summary>
    Customer,
}

/// <summary>The concrete call: its path (ids filled in) and an optional JSON body and If-Match.</summary>
public sealed record IsolationRequest(string Path, object? Body = null, string? IfMatch = null);

/// <summary>What a case's arrange step gets: the app and tenant A with its admin client.</summary>
public sealed record IsolationArrange(CrmApp App, TestTenant TenantA, HttpClient AdminA);

public interface IIsolationCases
{
    IEnumerable<IsolationCase> Cases { get; }
}
