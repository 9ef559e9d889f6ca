using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
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

        group.MapPost("/login", async (HttpContext http, SignInManager<AppUser> signIn, UserManager<AppUser> users) =>
        {
            var form = http.Request.HasFormContentType;
            if (!form && !http.Request.HasJsonContentType())
                return new Api.LocalizedProblem(Api.HostTexts.JsonOrFormRequired.Format(http.Request.ContentType ?? "(none)"), StatusCodes.Status415UnsupportedMediaType);
            var body = form
                ? new LoginRequest(http.Request.Form["userName"], http.Request.Form["password"])
                : await http.Request.ReadFromJsonAsync<LoginRequest>() ?? new LoginRequest(null, null);
            if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
                return Results.Problem(title: "userName and password are required.", statusCode: 400);

            var result = await signIn.PasswordSignInAsync(body.UserName, body.Password, isPersistent: false, lockoutOnFailure: true);
            if (form)
            {
                var returnUrl = http.Request.Form["returnUrl"].ToString();
                var target = result.Succeeded ? (IsLocal(returnUrl) ? returnUrl : "/") : "/login?error=" + (result.IsLockedOut ? "locked" : "invalid") + (IsLocal(returnUrl) ? "&returnUrl=" + Uri.EscapeDataString(returnUrl) : "");
                return Results.Redirect(target);
            }
            if (result.IsLockedOut)
                return Results.Problem(title: "The account is locked after too many failed sign-ins; try again later.", statusCode: 423);
            if (!result.Succeeded)
                return Results.Problem(title: "Wrong user name or password.", statusCode: 401);
            var user = await users.FindByNameAsync(body.UserName);
            return Results.Ok(new Me(user!.UserName!, [.. await users.GetRolesAsync(user)], "cookie"));
        }).AllowAnonymous().DisableAntiforgery();

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

    private static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");
}
