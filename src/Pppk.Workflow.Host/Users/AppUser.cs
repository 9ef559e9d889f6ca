using Microsoft.AspNetCore.Identity;

namespace Pppk.Workflow.Host.Users;

/// <summary>A person who signs in: BKPSDM staff, verifiers, the PPK, evaluators, unit heads, finance, employees.</summary>
public sealed class AppUser : IdentityUser
{
    public string? FullName { get; set; }

    /// <summary>The unit (OPD) the person belongs to, for unit-scoped tasks and reports.</summary>
    public string? UnitCode { get; set; }

    /// <summary>The NIK of the employee (or applicant) record this person is: their own cases ("Status saya") and profile.</summary>
    public string? EmployeeNik { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>A deactivated account cannot sign in; its history keeps its name (hr-admin reactivates it).</summary>
    public bool Active { get; set; } = true;

    /// <summary>Set by hr-admin's temporary password: the user must choose their own before doing anything else.</summary>
    public bool MustChangePassword { get; set; }
}
