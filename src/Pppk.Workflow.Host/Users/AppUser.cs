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
}
