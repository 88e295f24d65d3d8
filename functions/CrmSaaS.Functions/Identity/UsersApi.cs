using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Identity;

/// <summary>Staff user administration: admin only.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        // Group on "/api" so that route patterns carry no trailing slash ("/api/users", not "/api/users/").
        var users = app.MapGroup("/api").WithTags("Users").RequireStaff(Roles.Admin);
        users.MapGet("/users", ListUsers).WithName(nameof(ListUsers));
        users.MapPost("/users/invitations", InviteUser).WithName(nameof(InviteUser));
        users.MapPut("/users/{id}/role", ChangeUserRole).WithName(nameof(ChangeUserRole));
        users.MapPost("/users/{id}/disable", DisableUser).WithName(nameof(DisableUser));
        users.MapPost("/users/{id}/enable", EnableUser).WithName(nameof(EnableUser));
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
