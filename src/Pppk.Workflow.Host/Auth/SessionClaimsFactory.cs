using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Host.Users;

namespace Pppk.Workflow.Host.Auth;

/// <summary>
/// Adds the user's version (<see cref="SessionValidator.VersionClaim"/>), unit and linked NIK to the claims Identity builds
/// at sign-in (and again whenever the user's row changed: <see cref="SessionValidator"/>).
/// </summary>
internal sealed class SessionClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SessionValidator.VersionClaim, user.ConcurrencyStamp ?? ""));
        if (!string.IsNullOrEmpty(user.UnitCode)) identity.AddClaim(new Claim(Caller.UnitClaim, user.UnitCode));
        if (!string.IsNullOrEmpty(user.EmployeeNik)) identity.AddClaim(new Claim(Caller.NikClaim, user.EmployeeNik));
        if (user.MustChangePassword) identity.AddClaim(new Claim(PasswordChangeGate.Claim, "true"));
        return identity;
    }
}
