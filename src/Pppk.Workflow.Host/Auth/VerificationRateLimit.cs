using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Host.Security;

namespace Pppk.Workflow.Host.Auth;

/// <summary>
/// The public document checks (<c>/verifikasi/{code}</c>, <c>POST /api/documents/verify</c>) are limited per client
/// address like sign-in attempts (<c>Auth:SignInLimit:PerAddress</c>), so codes cannot be tried in bulk; a refusal is
/// its own 429 with Retry-After, not the sign-in's.
/// </summary>
internal sealed class VerificationRateLimit(RateWindow window) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
    {
        var seconds = (int)Math.Ceiling(SignInThrottle.RetryAfter(context.Lease, window).TotalSeconds);
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(new LocalizedProblem(DocumentTexts.VerificationsLimited.Format(seconds), StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext));
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(httpContext), _ => SignInThrottle.Window(window));
}
