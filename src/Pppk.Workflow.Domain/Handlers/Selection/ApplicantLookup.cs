using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Selection;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Selection;

internal static class ApplicantLookup
{
    /// <summary>The applicant the task's <c>registrationNumber</c> names (tracked); an unknown one fails the job with that reason.</summary>
    public static async Task<Applicant> ApplicantAsync(this PppkDbContext db, JobContext context, CancellationToken ct)
    {
        var regNo = context.String("registrationNumber");
        return await db.Applicants.SingleOrDefaultAsync(a => a.RegistrationNumber == regNo, ct)
            ?? throw new HandlerInput.MissingInputException($"No applicant with registration number {regNo}.");
    }
}
