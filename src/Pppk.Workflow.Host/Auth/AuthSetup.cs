using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Host.Security;
using Pppk.Workflow.Host.Users;

namespace Pppk.Workflow.Host.Auth;

/// <summary>
/// Cookie sign-in for browsers (ASP.NET Core Identity, hashed passwords, throttled by client instead of locking the
/// account), X-Api-Key for machines, a policy per role. A browser session is checked against its user on every request
/// (<see cref="SessionValidator"/>): sign-out, a new password or a lock-out end it, new roles apply at once.
/// </summary>
public static class AuthSetup
{
    private const string Smart = "CookieOrApiKey";

    /// <summary>The browser session's cookie.</summary>
    public const string CookieName = "pppk.auth";

    public static IServiceCollection AddPppkAuth(this IServiceCollection services, AuthOptions auth)
    {
        services.AddUsersStore();
        services.AddDataProtection().SetApplicationName("Pppk.Workflow").PersistKeysToDbContext<UsersDbContext>();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                // No account lock-out: five wrong passwords from anyone would lock the account's owner out (SignInThrottle).
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<UsersDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<SessionClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Smart;
                o.DefaultChallengeScheme = Smart;
            })
            // A request with X-Api-Key is a machine client; anything else is a browser with (or without) a cookie.
            .AddPolicyScheme(Smart, "Cookie or API key", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/login";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = auth.Session.IdleTimeout;
            var sessions = new SessionValidator(auth.Session);
            o.Events.OnSigningIn = sessions.SigningInAsync;
            o.Events.OnValidatePrincipal = sessions.ValidateAsync;
            // API callers get status codes, browsers get the sign-in page.
            o.Events.OnRedirectToLogin = ctx => StatusOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => StatusOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddSignInThrottle(auth.SignInLimit);
        services.AddRateLimiter(o => o.AddPolicy(Pppk.Workflow.Domain.Api.DocumentsApi.VerificationPolicy, new VerificationRateLimit(auth.SignInLimit.PerAddress)));

        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in Roles.All)
            authorization.AddPolicy(role, p => p.RequireAuthenticatedUser().RequireRole(role));
        return services;
    }

    private static void AddSignInThrottle(this IServiceCollection services, SignInLimitOptions limits)
    {
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton(_ => new SignInThrottle(limits));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignInThrottle.Policy, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http), _ => SignInThrottle.Window(limits.PerAddress)));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => new ValueTask(SignInThrottle
                .Refuse(context.HttpContext, SignInThrottle.RetryAfter(context.Lease, limits.PerAddress), HostTexts.SignInsFromAddressLimited)
                .ExecuteAsync(context.HttpContext));
        });
    }

    private static Task StatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/health"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        if (status == StatusCodes.Status403Forbidden)
        {
            ctx.Response.StatusCode = status;
            return ctx.Response.WriteAsync("Akses ditolak: peran Anda tidak mengizinkan halaman ini.");
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
