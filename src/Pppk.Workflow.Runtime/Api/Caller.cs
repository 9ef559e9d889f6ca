using System.Security.Claims;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime.Api;

/// <summary>The caller of a request as the runtime's <see cref="Actor"/>, read from the claims the host's sign-in puts in.</summary>
public static class Caller
{
    /// <summary>Claim with the user's unit (OPD code), when they have one.</summary>
    public const string UnitClaim = "pppk:unit";

    /// <summary>Claim with the NIK of the employee or applicant record the user is, when linked.</summary>
    public const string NikClaim = "pppk:nik";

    /// <summary>The acting user (or API key): roles, unit and linked NIK.</summary>
    public static Actor Actor(this ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "anonymous", user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(),
            user.FindFirst(UnitClaim)?.Value, user.FindFirst(NikClaim)?.Value);
}
