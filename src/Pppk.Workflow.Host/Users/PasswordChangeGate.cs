namespace Pppk.Workflow.Host.Users;

/// <summary>
/// A session signed in with hr-admin's temporary password may only choose a new password (and read who it is, sign out):
/// every other API call answers 403 <c>password-change-required</c> until it has. The claim goes with the new cookie the
/// change issues.
/// </summary>
internal static class PasswordChangeGate
{
    public const string Claim = "pppk:must-change-password";

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        if (http.User.HasClaim(c => c.Type == Claim) && path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/auth"))
        {
            await new LocalizedProblem(UserTexts.PasswordChangeRequired.Format(), StatusCodes.Status403Forbidden).ExecuteAsync(http);
            return;
        }
        await next(http);
    });
}
