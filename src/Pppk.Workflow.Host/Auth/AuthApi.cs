using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Runtime.Users;

namespace Pppk.Workflow.Host.Auth;

/// <summary>Sign-in and sign-out for browsers (cookie), and who the caller is.</summary>
public static class AuthApi
{
    public sealed record LoginRequest(string? UserName, string? Password);

    public sealed record Me(string Name, IReadOnlyList<string> Roles, string AuthenticatedBy);

    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth");

        // JSON from the web front, or a plain form post (with returnUrl) that is answered with a redirect.
        group.MapPost("/login", async (HttpContext http, PasswordSignIn passwords, SignInThrottle throttle, UserManager<AppUser> users) =>
        {
            var form = http.Request.HasFormContentType;
            if (!form && !http.Request.HasJsonContentType())
                return new Api.LocalizedProblem(Api.HostTexts.JsonOrFormRequired.Format(http.Request.ContentType ?? "(none)"), StatusCodes.Status415UnsupportedMediaType);
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
            return Results.Ok(new Me(user.UserName!, [.. await users.GetRolesAsync(user)], "cookie"));
        }).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(SignInThrottle.Policy);

        group.MapPost("/logout", async (HttpContext http, SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return http.Request.HasFormContentType ? Results.Redirect("/login") : Results.NoContent();
        }).DisableAntiforgery();

        group.MapGet("/me", (ClaimsPrincipal user) => new Me(
            user.Identity!.Name ?? "",
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            user.Identity.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName ? "apiKey" : "cookie")).RequireAuthorization();
    }

    private static IResult BackToLogin(string error, string? returnUrl) =>
        Results.Redirect("/login?error=" + error + (LocalUrl.IsLocalPath(returnUrl) ? "&returnUrl=" + Uri.EscapeDataString(returnUrl) : ""));
}
