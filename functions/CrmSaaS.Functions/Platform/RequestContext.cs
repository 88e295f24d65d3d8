namespace CrmSaaS.Functions.Platform;

public enum CallerKind
{
    Anonymous,
    Staff,
    Customer,
    System,
}

/// <summary>
/// Who is calling, filled once per request (from the bearer token) or per queue message (from the message's
/// tenant). Stores read the tenant from here and nowhere else, so tenant data cannot be reached with a tenant id
/// taken from user input. Every accessor fails closed when the tenant is missing.
/// </summary>
public sealed class RequestContext
{
    public CallerKind Kind { get; private set; } = CallerKind.Anonymous;
    public string? TenantId { get; private set; }
    public string? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string? CustomerId { get; private set; }
    public string? ContactId { get; private set; }
    public IReadOnlySet<string> Roles { get; private set; } = new HashSet<string>();
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }

    public bool IsStaff => Kind == CallerKind.Staff;
    public bool IsCustomer => Kind == CallerKind.Customer;

    public string RequireTenantId() =>
        TenantId ?? throw new AppException(401, ErrorCodes.Unauthorized, "Sessão inválida: faça login novamente.");

    public string RequireUserId() =>
        UserId ?? throw new AppException(401, ErrorCodes.Unauthorized, "Sessão inválida: faça login novamente.");

    public string RequireCustomerId() =>
        Kind == CallerKind.Customer && CustomerId is not null
            ? CustomerId
            : throw new AppException(401, ErrorCodes.Unauthorized, "Sessão inválida: faça login novamente.");

    /// <summary>Display name for audit stamps ("who"): the user's name, or the system step's name.</summary>
    public string Actor => UserName ?? UserId ?? "sistema";

    public bool HasRole(string role) => Roles.Contains(role);

    public void SetStaff(string tenantId, string userId, string? userName, IEnumerable<string> roles)
    {
        EnsureUnset();
        Kind = CallerKind.Staff;
        TenantId = tenantId;
        UserId = userId;
        UserName = userName;
        Roles = roles.ToHashSet(StringComparer.Ordinal);
    }

    public void SetCustomer(string tenantId, string customerId, string contactId, string? contactName)
    {
        EnsureUnset();
        Kind = CallerKind.Customer;
        TenantId = tenantId;
        CustomerId = customerId;
        ContactId = contactId;
        UserId = contactId;
        UserName = contactName;
    }

    /// <summary>A queue step or a public flow (sign-up, approval link) acting inside one tenant.</summary>
    public void SetSystem(string tenantId, string actor = "sistema")
    {
        EnsureUnset();
        Kind = CallerKind.System;
        TenantId = tenantId;
        UserName = actor;
    }

    private void EnsureUnset()
    {
        // A context is filled once: switching tenant mid-request would let one request touch two tenants.
        if (Kind != CallerKind.Anonymous)
        {
            throw new InvalidOperationException("The request context is already set.");
        }
    }
}
