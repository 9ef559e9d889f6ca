using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Host.Users;

namespace Pppk.Workflow.Host.Auth;

/// <summary>Sign-in and sign-out for browsers (cookie), and who the caller is.</summary>
public static class AuthApi
{
    public sealed record LoginRequest(string? UserName, string? Password);

    public sealed record ChangePassword(string? CurrentPassword, string? NewPassword);

    /// <param name="NikLinked">The account is linked to a person's record (NIK): the web front offers "Status saya".</param>
    /// <param name="MustChangePassword">Signed in with a temporary password: the web front asks for a new one first.</param>
    public sealed record Me(string Name, IReadOnlyList<string> Roles, string AuthenticatedBy, bool NikLinked = false, bool MustChangePassword = false);

    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth");

        // JSON from the web front, or a plain form post (with returnUrl) that is answered with a redirect.
        group.MapPost("/login", async (HttpContext http, PasswordSignIn passwords, SignInThrottle throttle, UserManager<AppUser> users) =>
        {
            var form = http.Request.HasFormContentType;
            if (!form && !http.Request.HasJsonContentType())
                return new LocalizedProblem(Api.HostTexts.JsonOrFormRequired.Format(http.Request.ContentType ?? "(none)"), StatusCodes.Status415UnsupportedMediaType);
            var body = form
                ? new LoginRequest(http.Request.Form["userName"], http.Request.Form["password"])
                : await http.Request.ReadFromJsonAsync<LoginRequest>() ?? new LoginRequest(null, null);
            var returnUrl = form ? http.Request.Form["returnUrl"].ToString() : null;
            if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
                return form ? BackToLogin("invalid", returnUrl) : new LocalizedProblem(HostTexts.SignInIncomplete.Format(), 400);

            if (throttle.Wait(http, body.UserName) is { } wait)
                return SignInThrottle.Refuse(http, wait, HostTexts.FailedSignInsLimited);
            var user = await passwords.SignInAsync(body.UserName, body.Password);
            if (user is null) throttle.Failed(http, body.UserName);

            if (form)
                return user is null ? BackToLogin("invalid", returnUrl) : Results.Redirect(LocalUrl.IsLocalPath(returnUrl) ? returnUrl : "/");
            if (user is null)
                return new LocalizedProblem(HostTexts.SignInFailed.Format(), 401);
            return Results.Ok(new Me(user.UserName!, [.. await users.GetRolesAsync(user)], "cookie", !string.IsNullOrEmpty(user.EmployeeNik), user.MustChangePassword));
        }).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(SignInThrottle.Policy)
            .Produces<Me>().Produces(StatusCodes.Status302Found); // 302: a form post goes back to a page

        group.MapPost("/logout", async (HttpContext http, SignInManager<AppUser> signIn) =>
        {
            // A new security stamp ends the session on the server: a kept copy of the cookie no longer signs anyone in.
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return http.Request.HasFormContentType ? Results.Redirect("/login") : Results.NoContent();
        }).DisableAntiforgery().Produces(StatusCodes.Status204NoContent).Produces(StatusCodes.Status302Found);

        // The user's own password: their other sessions end, this one goes on with a new cookie.
        group.MapPost("/password", async (ChangePassword body, HttpContext http, SignInManager<AppUser> signIn, SignInThrottle throttle) =>
        {
            if (string.IsNullOrEmpty(body.CurrentPassword) || string.IsNullOrEmpty(body.NewPassword))
                return new LocalizedProblem(HostTexts.PasswordChangeIncomplete.Format(), 400);
            if (await signIn.UserManager.GetUserAsync(http.User) is not { } user)
                return new LocalizedProblem(HostTexts.PasswordChangeNeedsSignIn.Format(), 403);
            if (throttle.Wait(http, user.UserName!) is { } wait)
                return SignInThrottle.Refuse(http, wait, HostTexts.FailedSignInsLimited);
            if (!await signIn.UserManager.CheckPasswordAsync(user, body.CurrentPassword))
            {
                throttle.Failed(http, user.UserName!);
                return new LocalizedProblem(HostTexts.CurrentPasswordWrong.Format(), 400);
            }
            if (await UserAccountRules.PasswordProblemAsync(body.NewPassword, signIn.UserManager, http.Request.Language()) is { } weak) return weak;
            user.MustChangePassword = false;
            var changed = await signIn.UserManager.ChangePasswordAsync(user, body.CurrentPassword, body.NewPassword);
            if (!changed.Succeeded) return Users.UsersApi.IdentityProblem(changed);
            await signIn.SignInAsync(user, isPersistent: false);
            return Results.NoContent();
        }).RequireAuthorization().Produces(StatusCodes.Status204NoContent);

        group.MapGet("/me", (ClaimsPrincipal user) => new Me(
            user.Identity!.Name ?? "",
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            user.Identity.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName ? "apiKey" : "cookie",
            user.HasClaim(c => c.Type == Caller.NikClaim),
            user.HasClaim(c => c.Type == PasswordChangeGate.Claim))).RequireAuthorization();
    }

    private static IResult BackToLogin(string error, string? returnUrl) =>
        Results.Redirect("/login?error=" + error + (LocalUrl.IsLocalPath(returnUrl) ? "&returnUrl=" + Uri.EscapeDataString(returnUrl) : ""));
}
