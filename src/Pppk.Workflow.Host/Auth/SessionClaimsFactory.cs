using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Runtime.Users;

namespace Pppk.Workflow.Host.Auth;

/// <summary>Adds the user's version (<see cref="SessionValidator.VersionClaim"/>) to the claims Identity builds at sign-in.</summary>
internal sealed class SessionClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SessionValidator.VersionClaim, user.ConcurrencyStamp ?? ""));
        return identity;
    }
}
