using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Identity;

/// <summary>Staff user administration: admin only.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireStaff(Roles.Admin);
        users.MapGet("", ListUsers).WithName(nameof(ListUsers));
        users.MapPost("/invitations", InviteUser).WithName(nameof(InviteUser));
        users.MapPut("/{id}/role", ChangeUserRole).WithName(nameof(ChangeUserRole));
        users.MapPost("/{id}/disable", DisableUser).WithName(nameof(DisableUser));
        users.MapPost("/{id}/enable", EnableUser).WithName(nameof(EnableUser));
        return app;
    }

    public static async Task<Ok<Page<UserSummary>>> ListUsers(
        UsersService users, string? q, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await users.ListAsync(q, pageSize, continuation, ct));

    public static async Task<Created<UserSummary>> InviteUser(InviteUserRequest request, UsersService users, CancellationToken ct) =>
        TypedResults.Created((string?)null, await users.InviteAsync(request, ct));

    public static async Task<Ok<UserSummary>> ChangeUserRole(string id, ChangeRoleRequest request, UsersService users, CancellationToken ct) =>
        TypedResults.Ok(await users.ChangeRoleAsync(id, request, ct));

    public static async Task<Ok<UserSummary>> DisableUser(string id, UsersService users, CancellationToken ct) =>
        TypedResults.Ok(await users.DisableAsync(id, ct));

    public static async Task<Ok<UserSummary>> EnableUser(string id, UsersService users, CancellationToken ct) =>
        TypedResults.Ok(await users.EnableAsync(id, ct));
}
