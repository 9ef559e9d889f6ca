using Microsoft.AspNetCore.Identity;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.Api;

namespace Pppk.Workflow.Host.Users;

/// <summary>
/// hr-admin sets a user's password, hands out a temporary one, locks or unlocks the account, deactivates or reactivates it,
/// and reads what was changed (hr-admin only). Each change renews the user's security stamp where it must end their open
/// sessions (<see cref="Auth.SessionValidator"/>) and leaves a row in <c>pppk.user_audit</c>.
/// </summary>
public static class UserAccessApi
{
    public sealed record SetPassword(string? Password);

    public sealed record SetLockout(bool? Locked);

    public sealed record SetActive(bool? Active);

    public static void MapUserAccessApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").RequireAuthorization(Roles.HrAdmin);

        group.MapPut("/{id}/password", async (string id, SetPassword body, UserManager<AppUser> users, UsersDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(body.Password))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["password is required."] });
            if (await users.FindByIdAsync(id) is not { } user) return UsersApi.NoUser(id);
            if (await UserAccountRules.PasswordProblemAsync(body.Password, users, http.Request.Language()) is { } weak) return weak;
            // A reset (not remove-then-add) checks the password rules first and changes nothing when they fail.
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), body.Password);
            if (!reset.Succeeded) return UsersApi.IdentityProblem(reset);
            await UserAudit.RecordAsync(db, http.User.Actor().Name, user.UserName!, "password-set", null, ct);
            return Results.NoContent();
        }).Produces(StatusCodes.Status204NoContent);

        // A one-time password shown to hr-admin once; the user must choose their own at the next sign-in. There is no reset
        // email: accounts of staff often have no verified address, and the host sends no sign-in links.
        group.MapPost("/{id}/password-reset", async (string id, UserManager<AppUser> users, UsersDbContext db, UserNames names, HttpContext http, CancellationToken ct) =>
        {
            if (await users.FindByIdAsync(id) is not { } user) return UsersApi.NoUser(id);
            var temporary = TemporaryPassword.New();
            user.MustChangePassword = true;
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), temporary);
            if (!reset.Succeeded) return UsersApi.IdentityProblem(reset);
            await UserAudit.RecordAsync(db, http.User.Actor().Name, user.UserName!, "password-reset", new { mustChangePassword = true }, ct);
            return Results.Ok((await names.DtosAsync([user], users, ct))[0] with { TemporaryPassword = temporary });
        }).Produces<UsersApi.UserDto>();

        group.MapPut("/{id}/lockout", async (string id, SetLockout body, UserManager<AppUser> users, UsersDbContext db, UserNames names, HttpContext http,
            CancellationToken ct) =>
        {
            if (body.Locked is not { } locked)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["locked"] = ["locked (true or false) is required."] });
            if (await users.FindByIdAsync(id) is not { } user) return UsersApi.NoUser(id);
            // Identity lock-out is off for everyone (no lock-out on failed sign-ins), so a lock turns it on for this user only.
            var result = locked
                ? await Steps(() => users.SetLockoutEnabledAsync(user, true), () => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue), () => users.UpdateSecurityStampAsync(user))
                : await Steps(() => users.SetLockoutEndDateAsync(user, null), () => users.SetLockoutEnabledAsync(user, false), () => users.ResetAccessFailedCountAsync(user));
            if (!result.Succeeded) return UsersApi.IdentityProblem(result);
            await UserAudit.RecordAsync(db, http.User.Actor().Name, user.UserName!, locked ? "lock" : "unlock", null, ct);
            return Results.Ok((await names.DtosAsync([user], users, ct))[0]);
        }).Produces<UsersApi.UserDto>();

        // Deactivated: no sign-in, open sessions end; the account and its history stay (tasks keep naming it).
        group.MapPut("/{id}/active", async (string id, SetActive body, UserManager<AppUser> users, UsersDbContext db, UserNames names, HttpContext http,
            CancellationToken ct) =>
        {
            if (body.Active is not { } active)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["active"] = ["active (true or false) is required."] });
            if (await users.FindByIdAsync(id) is not { } user) return UsersApi.NoUser(id);
            var actor = http.User.Actor().Name;
            if (!active && string.Equals(user.UserName, actor, StringComparison.OrdinalIgnoreCase))
                return new LocalizedProblem(UserTexts.SelfDeactivate.Format(), StatusCodes.Status409Conflict);
            if (user.Active != active)
            {
                user.Active = active;
                var result = active ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user);
                if (!result.Succeeded) return UsersApi.IdentityProblem(result);
                await UserAudit.RecordAsync(db, actor, user.UserName!, active ? "reactivate" : "deactivate", null, ct);
            }
            return Results.Ok((await names.DtosAsync([user], users, ct))[0]);
        }).Produces<UsersApi.UserDto>();

        // What was changed: of one account (its user name) or of all, newest first.
        group.MapGet("/audit", async (string? userName, int? page, int? pageSize, UsersDbContext db, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            var (items, total) = await UserAudit.ReadAsync(db, UserPlace.Blank(userName), paging.Skip, paging.PageSize, ct);
            return Results.Ok(new PagedList<UserAudit.Entry>(items, total, paging.Page, paging.PageSize));
        }).Produces<PagedList<UserAudit.Entry>>();
    }

    private static async Task<IdentityResult> Steps(params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
            if (await step() is { Succeeded: false } failed) return failed;
        return IdentityResult.Success;
    }
}
