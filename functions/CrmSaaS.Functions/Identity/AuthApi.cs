using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Identity;

/// <summary>
/// Staff identity doors: sign-up, e-mail confirmation, login/refresh/logout, password reset, accepting an invitation
/// (all public: the e-mailed token or the password is the credential), and <c>/api/me</c> (any staff).
/// </summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous();
        auth.MapPost("/signup", SignUp).WithName(nameof(SignUp)).RequireRateLimiting(RateLimits.Auth);
        auth.MapPost("/confirm-email", ConfirmEmail).WithName(nameof(ConfirmEmail));
        auth.MapPost("/resend-confirmation", ResendConfirmation).WithName(nameof(ResendConfirmation)).RequireRateLimiting(RateLimits.Auth);
        auth.MapPost("/login", Login).WithName(nameof(Login)).RequireRateLimiting(RateLimits.Auth);
        auth.MapPost("/refresh", RefreshSession).WithName(nameof(RefreshSession));
        auth.MapPost("/logout", Logout).WithName(nameof(Logout));
        auth.MapPost("/password-reset", RequestPasswordReset).WithName(nameof(RequestPasswordReset)).RequireRateLimiting(RateLimits.Auth);
        auth.MapPost("/password-reset/confirm", ResetPassword).WithName(nameof(ResetPassword)).RequireRateLimiting(RateLimits.Auth);
        auth.MapPost("/accept-invitation", AcceptInvitation).WithName(nameof(AcceptInvitation));

        app.MapGet("/api/me", GetMe).WithName(nameof(GetMe)).WithTags("Auth").RequireStaff();
        return app;
    }

    public static async Task<Created<SignupResponse>> SignUp(SignupRequest request, SignupService signup, CancellationToken ct) =>
        TypedResults.Created((string?)null, await signup.SignUpAsync(request, ct));

    public static async Task<NoContent> ConfirmEmail(TokenRequest request, StaffAuthService auth, CancellationToken ct)
    {
        await auth.ConfirmEmailAsync(request, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Accepted> ResendConfirmation(EmailRequest request, StaffAuthService auth, CancellationToken ct)
    {
        await auth.ResendConfirmationAsync(request, ct);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Ok<StaffSession>> Login(LoginRequest request, StaffAuthService auth, CancellationToken ct) =>
        TypedResults.Ok(await auth.LoginAsync(request, ct));

    public static async Task<Ok<StaffSession>> RefreshSession(RefreshRequest request, StaffAuthService auth, CancellationToken ct) =>
        TypedResults.Ok(await auth.RefreshAsync(request, ct));

    public static async Task<NoContent> Logout(RefreshRequest request, StaffAuthService auth, CancellationToken ct)
    {
        await auth.LogoutAsync(request, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Always 202, known e-mail or not: the answer must not tell who has an account.</summary>
    public static async Task<Accepted> RequestPasswordReset(EmailRequest request, StaffAuthService auth, CancellationToken ct)
    {
        await auth.RequestPasswordResetAsync(request, ct);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<NoContent> ResetPassword(TokenPasswordRequest request, StaffAuthService auth, CancellationToken ct)
    {
        await auth.ResetPasswordAsync(request, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<StaffSession>> AcceptInvitation(AcceptInvitationRequest request, StaffAuthService auth, CancellationToken ct) =>
        TypedResults.Ok(await auth.AcceptInvitationAsync(request, ct));

    public static async Task<Ok<StaffUserView>> GetMe(StaffAuthService auth, CancellationToken ct) =>
        TypedResults.Ok(await auth.MeAsync(ct));
}
