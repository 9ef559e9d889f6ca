using Microsoft.AspNetCore.Identity;
using Pppk.Workflow.Auth;

namespace Pppk.Workflow.Host.Users;

/// <summary>
/// hr-admin sets a user's password or locks the account (hr-admin only). Either renews the user's security stamp, so
/// their open sessions end at their next request (<see cref="Auth.SessionValidator"/>).
/// </summary>
public static class UserAccessApi
{
    public sealed record SetPassword(string? Password);

    public sealed record SetLockout(bool? Locked);

    public static void MapUserAccessApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").RequireAuthorization(Roles.HrAdmin);

        group.MapPut("/{id}/password", async (string id, SetPassword body, UserManager<AppUser> users) =>
        {
            if (string.IsNullOrEmpty(body.Password))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["password is required."] });
            if (await users.FindByIdAsync(id) is not { } user) return UsersApi.NoUser(id);
            // A reset (not remove-then-add) checks the password rules first and changes nothing when they fail.
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), body.Password);
            return reset.Succeeded ? Results.NoContent() : UsersApi.IdentityProblem(reset);
        });

        group.MapPut("/{id}/lockout", async (string id, SetLockout body, UserManager<AppUser> users) =>
        {
            if (body.Locked is not { } locked)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["locked"] = ["locked (true or false) is required."] });
            if (await users.FindByIdAsync(id) is not { } user) return UsersApi.NoUser(id);
            // Identity lock-out is off for everyone (no lock-out on failed sign-ins), so a lock turns it on for this user only.
            var result = locked
                ? await Steps(() => users.SetLockoutEnabledAsync(user, true), () => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue), () => users.UpdateSecurityStampAsync(user))
                : await Steps(() => users.SetLockoutEndDateAsync(user, null), () => users.SetLockoutEnabledAsync(user, false));
            return result.Succeeded ? Results.Ok(await UsersApi.ToDto(user, users)) : UsersApi.IdentityProblem(result);
        });
    }

    private static async Task<IdentityResult> Steps(params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
            if (await step() is { Succeeded: false } failed) return failed;
        return IdentityResult.Success;
    }
}
