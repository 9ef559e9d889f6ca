using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;

namespace Pppk.Workflow.Host.Summary;

/// <summary>The host's lookup of unit names by code for the summary's <c>unit</c> format: a separate read, never a join of the runtime's queries.</summary>
public sealed class UnitNames(PppkDbContext db)
{
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> codes, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, StringComparer.Ordinal, ct);
}
