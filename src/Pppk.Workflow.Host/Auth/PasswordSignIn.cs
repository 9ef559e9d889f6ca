using Microsoft.AspNetCore.Identity;
using Pppk.Workflow.Host.Users;

namespace Pppk.Workflow.Host.Auth;

/// <summary>
/// Signs a browser in by user name and password with one outcome, and about the same work, whether the user is unknown
/// or the password wrong: an unknown user's password is checked against a dummy hash of the same cost. Failures never
/// lock the account (see <see cref="SignInThrottle"/>).
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher)
{
    private static readonly AppUser Nobody = new();
    private static string? s_dummyHash;

    /// <summary>The signed-in user, or null.</summary>
    public async Task<AppUser?> SignInAsync(string userName, string password)
    {
        var user = await signIn.UserManager.FindByNameAsync(userName);
        // A deactivated account answers as an unknown one: the same refusal, the same work.
        if (user is null || !user.Active)
        {
            s_dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(Nobody, s_dummyHash, password);
            return null;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        return result.Succeeded ? user : null;
    }
}
