using System.Globalization;
using System.Threading.RateLimiting;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Host.Security;

namespace Pppk.Workflow.Host.Auth;

/// <summary>
/// Sign-in throttling by client (ASP.NET Core rate limiting) instead of Identity's account lock-out, which any stranger
/// could trigger: every attempt per address through the rate limiting middleware (policy <see cref="Policy"/> on the
/// sign-in endpoint), and failed attempts per address and user name, counted here once the password was checked.
/// Both answer 429 with Retry-After. Counts live in the web process: each web host counts its own.
/// </summary>
public sealed class SignInThrottle(SignInLimitOptions limits) : IDisposable
{
    public const string Policy = "sign-in";

    private readonly PartitionedRateLimiter<(string Address, string User)> _failures =
        PartitionedRateLimiter.Create<(string Address, string User), (string Address, string User)>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(limits.PerAccount)));

    /// <summary>How long the client must wait before trying this user name again, or null when it may try now.</summary>
    public TimeSpan? Wait(HttpContext http, string userName)
    {
        // Asking for no permit only looks: failures alone use them up.
        using var lease = _failures.AttemptAcquire(Key(http, userName), 0);
        return lease.IsAcquired ? null : RetryAfter(lease, limits.PerAccount);
    }

    public void Failed(HttpContext http, string userName)
    {
        using var lease = _failures.AttemptAcquire(Key(http, userName), 1);
    }

    public void Dispose() => _failures.Dispose();

    public static FixedWindowRateLimiterOptions Window(RateWindow window) =>
        new() { PermitLimit = window.PermitLimit, Window = window.Window, QueueLimit = 0, AutoReplenishment = true };

    public static TimeSpan RetryAfter(RateLimitLease lease, RateWindow window) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window.Window;

    /// <summary>A 429 problem with Retry-After; a plain form post goes back to the sign-in page, which says why.</summary>
    public static IResult Refuse(HttpContext http, TimeSpan retryAfter, TextTemplate text)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return http.Request.HasFormContentType
            ? Results.Redirect("/login?error=throttled")
            : new LocalizedProblem(text.Format(Wait(seconds)), StatusCodes.Status429TooManyRequests);
    }

    /// <summary>The wait as a person reads it: "15 menit", not "900 detik" (Retry-After keeps the seconds).</summary>
    private static Term Wait(int seconds) => seconds < 120
        ? new Term($"{seconds} seconds", $"{seconds} detik")
        : new Term($"{(seconds + 59) / 60} minutes", $"{(seconds + 59) / 60} menit");

    // The user name as Identity looks it up, so "Admin" and "admin" share one count.
    private static (string, string) Key(HttpContext http, string userName) => (ClientAddress.Of(http), userName.Normalize().ToUpperInvariant());
}
