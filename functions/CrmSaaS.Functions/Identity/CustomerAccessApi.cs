using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Identity;

/// <summary>
/// Customer-area accounts: staff (admin, sales) grant and revoke access from a customer's record; customers log in,
/// accept invitations and reset passwords under their supplier's slug.
/// </summary>
public static class CustomerAccessApi
{
    public static IEndpointRouteBuilder MapCustomerAccess(this IEndpointRouteBuilder app)
    {
        var access = app.MapGroup("/api/customers/{customerId}").WithTags("CustomerPortalAccess").RequireStaff(Roles.Sales);
        access.MapPost("/portal-access", GrantPortalAccess).WithName(nameof(GrantPortalAccess));
        access.MapGet("/portal-access", ListPortalAccess).WithName(nameof(ListPortalAccess));
        access.MapDelete("/portal-access/{contactId}", RevokePortalAccess).WithName(nameof(RevokePortalAccess));

        var auth = app.MapGroup("/api/customer-auth").WithTags("CustomerAuth").AllowAnonymous();
        auth.MapPost("/{slug}/login", CustomerLogin).WithName(nameof(CustomerLogin)).RequireRateLimiting(RateLimits.Auth);
        auth.MapPost("/{slug}/accept-invitation", CustomerAcceptInvitation).WithName(nameof(CustomerAcceptInvitation));
        auth.MapPost("/refresh", CustomerRefresh).WithName(nameof(CustomerRefresh));
        auth.MapPost("/logout", CustomerLogout).WithName(nameof(CustomerLogout));
        auth.MapPost("/{slug}/password-reset", CustomerRequestPasswordReset).WithName(nameof(CustomerRequestPasswordReset))
            .RequireRateLimiting(RateLimits.Auth);
        auth.MapPost("/{slug}/password-reset/confirm", CustomerResetPassword).WithName(nameof(CustomerResetPassword))
            .RequireRateLimiting(RateLimits.Auth);
        return app;
    }

    public static async Task<Created<PortalAccessItem>> GrantPortalAccess(
        string customerId, PortalAccessRequest request, PortalAccessService access, CancellationToken ct) =>
        TypedResults.Created((string?)null, await access.GrantAsync(customerId, request, ct));

    public static async Task<Ok<Page<PortalAccessItem>>> ListPortalAccess(
        string customerId, PortalAccessService access, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await access.ListAsync(customerId, pageSize, continuation, ct));

    public static async Task<NoContent> RevokePortalAccess(string customerId, string contactId, PortalAccessService access, CancellationToken ct)
    {
        await access.RevokeAsync(customerId, contactId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<CustomerSession>> CustomerLogin(string slug, LoginRequest request, CustomerAuthService auth, CancellationToken ct) =>
        TypedResults.Ok(await auth.LoginAsync(slug, request, ct));

    public static async Task<Ok<CustomerSession>> CustomerAcceptInvitation(
        string slug, TokenPasswordRequest request, CustomerAuthService auth, CancellationToken ct) =>
        TypedResults.Ok(await auth.AcceptInvitationAsync(slug, request, ct));

    public static async Task<Ok<CustomerSession>> CustomerRefresh(RefreshRequest request, CustomerAuthService auth, CancellationToken ct) =>
        TypedResults.Ok(await auth.RefreshAsync(request, ct));

    public static async Task<NoContent> CustomerLogout(RefreshRequest request, CustomerAuthService auth, CancellationToken ct)
    {
        await auth.LogoutAsync(request, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Always 202 for a known slug, known e-mail or not.</summary>
    public static async Task<Accepted> CustomerRequestPasswordReset(string slug, EmailRequest request, CustomerAuthService auth, CancellationToken ct)
    {
        await auth.RequestPasswordResetAsync(slug, request, ct);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<NoContent> CustomerResetPassword(string slug, TokenPasswordRequest request, CustomerAuthService auth, CancellationToken ct)
    {
        await auth.ResetPasswordAsync(slug, request, ct);
        return TypedResults.NoContent();
    }
}
