using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Host.Users;

namespace Pppk.Workflow.Host.Auth;

/// <summary>
/// Checks a browser session against its user's row on every request, one query by primary key, in place of Identity's
/// security stamp validator (which re-reads the user, roles and claims, and re-issues the cookie, each time it checks).
/// The session ends when the user is gone or locked out, when their security stamp changed (sign-out, password, lock-out)
/// or after <see cref="SessionLifetimeOptions.AbsoluteLifetime"/>; when anything else about the user changed (roles,
/// unit) the principal is built again, so the change applies to the very next request.
/// </summary>
internal sealed class SessionValidator(SessionLifetimeOptions lifetime)
{
    /// <summary>The user's concurrency stamp when the principal was built: Identity renews it on every change it saves.</summary>
    public const string VersionClaim = "pppk:user-version";

    private const string SignedInAt = "pppk.signed-in-at";

    private sealed record UserState(string? SecurityStamp, string? ConcurrencyStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd);

    // Compiled once: the lookup runs on every browser request.
    private static readonly Func<UsersDbContext, string, CancellationToken, Task<UserState?>> Load = EF.CompileAsyncQuery(
        (UsersDbContext db, string id, CancellationToken ct) => db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UserState(u.SecurityStamp, u.ConcurrencyStamp, u.LockoutEnabled, u.LockoutEnd)).FirstOrDefault());

    public Task SigningInAsync(CookieSigningInContext context)
    {
        context.Properties.Items[SignedInAt] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = DateTimeOffset.UtcNow;
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal!;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = id is null ? null : await Load(services.GetRequiredService<UsersDbContext>(), id, context.HttpContext.RequestAborted);
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (user is null || user.SecurityStamp != principal.FindFirstValue(stampClaim)
            || (user.LockoutEnabled && user.LockoutEnd > now) || !WithinLifetime(context.Properties, now))
        {
            await RejectAsync(context);
            return;
        }
        if ((user.ConcurrencyStamp ?? "") != (principal.FindFirstValue(VersionClaim) ?? ""))
        {
            var signIn = services.GetRequiredService<SignInManager<AppUser>>();
            if (await signIn.UserManager.FindByIdAsync(id!) is not { } changed)
            {
                await RejectAsync(context);
                return;
            }
            context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(changed));
            context.ShouldRenew = true;
        }
        else if (now - context.Properties.IssuedUtc > lifetime.RenewAfter)
            context.ShouldRenew = true;
    }

    // A cookie from before this check was added has no sign-in time: it ends, once.
    private bool WithinLifetime(AuthenticationProperties properties, DateTimeOffset now) =>
        properties.Items.TryGetValue(SignedInAt, out var value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
        && now - signedInAt < lifetime.AbsoluteLifetime;

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
